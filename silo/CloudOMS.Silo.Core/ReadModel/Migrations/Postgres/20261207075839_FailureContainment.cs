using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FailureContainment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockMovements",
                schema: "readmodel",
                table: "StockMovements");

            migrationBuilder.AlterColumn<long>(
                name: "Quantity",
                schema: "readmodel",
                table: "SkuDayTotals",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockMovements",
                schema: "readmodel",
                table: "StockMovements",
                columns: new[] { "TenantId", "SkuCode", "OperationId" });

            migrationBuilder.CreateTable(
                name: "Quarantine",
                schema: "readmodel",
                columns: table => new
                {
                    StateName = table.Column<string>(type: "text", nullable: false),
                    GrainKey = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quarantine", x => new { x.StateName, x.GrainKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Quarantine_TenantId",
                schema: "readmodel",
                table: "Quarantine",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Quarantine",
                schema: "readmodel");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StockMovements",
                schema: "readmodel",
                table: "StockMovements");

            migrationBuilder.AlterColumn<int>(
                name: "Quantity",
                schema: "readmodel",
                table: "SkuDayTotals",
                type: "integer",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockMovements",
                schema: "readmodel",
                table: "StockMovements",
                columns: new[] { "TenantId", "OperationId" });
        }
    }
}
