namespace CloudOMS.Identity.Tests.Infrastructure;

public static class OmsClientExtensions
{
    public static Task<HttpResponseMessage> Put(this OmsClient client, string path, object body) => client.Http.PutAsJsonAsync(path, body, OmsClient.Json);
}
