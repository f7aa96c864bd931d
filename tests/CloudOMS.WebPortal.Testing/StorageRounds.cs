namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// ./test.sh runs the API and identity tests twice: on SQLite, then again with every portal on PostgreSQL
/// (<see cref="PortalFactory.OnPostgres"/>). A test about one database's own mechanics (files in the data
/// folder, a PostgreSQL server it starts and stops itself) carries this trait and runs in the first round only.
/// </summary>
public static class StorageRounds
{
    public const string Trait = "Storage";
    public const string Fixed = "Fixed";
}
