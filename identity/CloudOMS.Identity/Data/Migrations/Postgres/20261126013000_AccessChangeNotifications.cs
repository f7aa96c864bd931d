using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Identity.Data.Migrations.Postgres
{
    /// <summary>
    /// What lets portal instances cache access safely (Access/AccessCache.cs): triggers NOTIFY cloudoms_access at
    /// commit of every change that may take access away, the listeners' table and the ticket sequence of the
    /// acknowledgements. The token types that never reach the API as bearer tokens are those of AccessTokenTypes.
    /// No model change: SQL only.
    /// </summary>
    [DbContext(typeof(PostgresIdentityMigrations))]
    [Migration("20261126013000_AccessChangeNotifications")]
    public sealed class AccessChangeNotifications : Migration
    {
        private static readonly string[] EveryChange = ["Memberships", "MembershipRoles", "TenantRoles", "ApiClients"];
        private static readonly string[] Deletions = ["AspNetUsers", "OpenIddictApplications", "OpenIddictTokens"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE identity.access_ticket;
                CREATE TABLE identity."AccessListeners" ("Id" text PRIMARY KEY, "Acked" bigint, "SeenAt" timestamptz NOT NULL);
                CREATE FUNCTION identity.access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('cloudoms_access', TG_TABLE_NAME);
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in EveryChange)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON identity."{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION identity.access_changed();
                    """);
            foreach (var table in Deletions)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER access_deleted AFTER DELETE OR TRUNCATE ON identity."{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION identity.access_changed();
                    """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_renamed AFTER UPDATE ON identity."AspNetUsers" FOR EACH ROW
                WHEN (OLD."Email" IS DISTINCT FROM NEW."Email" OR OLD."UserName" IS DISTINCT FROM NEW."UserName")
                EXECUTE FUNCTION identity.access_changed();
                CREATE TRIGGER access_status AFTER UPDATE ON identity."OpenIddictTokens" FOR EACH ROW
                WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" AND (NEW."Type" IS NULL OR NEW."Type" NOT IN ('authorization_code', 'refresh_token', 'device_code', 'user_code', 'id_token', 'urn:openiddict:params:oauth:token-type:authorization_code', 'urn:ietf:params:oauth:token-type:refresh_token', 'urn:openiddict:params:oauth:token-type:device_code', 'urn:openiddict:params:oauth:token-type:user_code', 'urn:openiddict:params:oauth:token-type:request_token', 'urn:ietf:params:oauth:token-type:id_token')))
                EXECUTE FUNCTION identity.access_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in EveryChange)
                migrationBuilder.Sql($"""DROP TRIGGER access_changed ON identity."{table}";""");
            foreach (var table in Deletions)
                migrationBuilder.Sql($"""DROP TRIGGER access_deleted ON identity."{table}";""");
            migrationBuilder.Sql("""
                DROP TRIGGER access_renamed ON identity."AspNetUsers";
                DROP TRIGGER access_status ON identity."OpenIddictTokens";
                DROP FUNCTION identity.access_changed();
                DROP TABLE identity."AccessListeners";
                DROP SEQUENCE identity.access_ticket;
                """);
        }
    }
}
