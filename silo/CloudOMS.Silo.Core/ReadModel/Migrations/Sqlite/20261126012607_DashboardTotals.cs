using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerDays",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerDays", x => new { x.TenantId, x.Phone, x.Scope, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "CustomerRecency",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousDay = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerRecency", x => new { x.TenantId, x.Phone, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "OrderDayTotals",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Warehouse = table.Column<string>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    SalesCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Shipped = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessingMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderDayTotals", x => new { x.TenantId, x.Day, x.Status, x.Channel, x.Warehouse });
                });

            migrationBuilder.CreateTable(
                name: "SkuDayTotals",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Warehouse = table.Column<string>(type: "TEXT", nullable: false),
                    SkuCode = table.Column<string>(type: "TEXT", nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuDayTotals", x => new { x.TenantId, x.Day, x.Status, x.Warehouse, x.SkuCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerRecency_TenantId_Scope_LastDay_Phone_PreviousDay",
                table: "CustomerRecency",
                columns: new[] { "TenantId", "Scope", "LastDay", "Phone", "PreviousDay" });

            foreach (var statement in DashboardTotalsBackfill.Statements(""))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerDays");

            migrationBuilder.DropTable(
                name: "CustomerRecency");

            migrationBuilder.DropTable(
                name: "OrderDayTotals");

            migrationBuilder.DropTable(
                name: "SkuDayTotals");
        }
    }
}
