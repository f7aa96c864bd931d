namespace CloudOMS.Identity.SampleClient;

public static class SampleClientProgram
{
    public static void Main(string[] args) => SampleClientApp.Build(args).Run();
}
