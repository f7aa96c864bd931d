using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FailureContainment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockMovements",
                table: "StockMovements");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockMovements",
                table: "StockMovements",
                columns: new[] { "TenantId", "SkuCode", "OperationId" });

            migrationBuilder.CreateTable(
                name: "Quarantine",
                columns: table => new
                {
                    StateName = table.Column<string>(type: "TEXT", nullable: false),
                    GrainKey = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFailedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quarantine", x => new { x.StateName, x.GrainKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Quarantine_TenantId",
                table: "Quarantine",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Quarantine");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StockMovements",
                table: "StockMovements");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockMovements",
                table: "StockMovements",
                columns: new[] { "TenantId", "OperationId" });
        }
    }
}
