namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// A test that holds the server to a promised time (e.g. 503 within 5 s while PostgreSQL hangs) carries this trait:
/// ./test.sh runs it alone after the parallel rounds, so that what it measures is the server, not a 2-core machine
/// busy with every other test project at once.
/// </summary>
public static class QuietMachine
{
    public const string Trait = "Machine";
    public const string Alone = "Alone";
}
