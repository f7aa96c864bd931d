using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.PortalPages;

namespace CloudOMS.LoadTests.Targets;

/// <summary>
/// The <c>http</c> target: a running CloudOMS at --url signed in with an API client (--client-id, --client-secret),
/// or, without --url, the embedded product started for the run. Requests carry a bearer token and JSON.
/// </summary>
public sealed class HttpTarget : IAsyncDisposable
{
    private readonly PortalProcess? _portal;

    private HttpTarget(ApiSession api, PortalProcess? portal, string url) => (Api, _portal, Url) = (api, portal, url);

    public ApiSession Api { get; }
    public string Url { get; }
    public PortalProcess? Portal => _portal;

    public static async Task<HttpTarget> Connect(ScenarioSetup setup, int connections, CancellationToken cancellationToken)
    {
        var options = setup.Options;
        PortalProcess? portal = null;
        var url = options.Text("url", "");
        var clientId = options.Text("client-id", PortalProcess.ClientId);
        var secret = options.Text("client-secret", "");
        if (url.Length == 0)
        {
            portal = await PortalProcess.Start(setup.Database == "postgres" ? await setup.FreshPostgres() : null, setup.Log);
            (url, secret) = (portal.Url, portal.Secret);
        }
        var api = await ApiSession.SignIn(url, clientId, secret, connections, cancellationToken);
        return new HttpTarget(api, portal, url);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_portal is not null) await _portal.DisposeAsync();
    }
}
