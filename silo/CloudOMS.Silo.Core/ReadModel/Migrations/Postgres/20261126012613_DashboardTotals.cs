using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerDays",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: false),
                    Scope = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerDays", x => new { x.TenantId, x.Phone, x.Scope, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "CustomerRecency",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: false),
                    Scope = table.Column<string>(type: "text", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousDay = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerRecency", x => new { x.TenantId, x.Phone, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "OrderDayTotals",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Warehouse = table.Column<string>(type: "text", nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false),
                    SalesCents = table.Column<long>(type: "bigint", nullable: false),
                    Shipped = table.Column<int>(type: "integer", nullable: false),
                    ProcessingMinutes = table.Column<long>(type: "bigint", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderDayTotals", x => new { x.TenantId, x.Day, x.Status, x.Channel, x.Warehouse });
                });

            migrationBuilder.CreateTable(
                name: "SkuDayTotals",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Warehouse = table.Column<string>(type: "text", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuDayTotals", x => new { x.TenantId, x.Day, x.Status, x.Warehouse, x.SkuCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerRecency_TenantId_Scope_LastDay_Phone_PreviousDay",
                schema: "readmodel",
                table: "CustomerRecency",
                columns: new[] { "TenantId", "Scope", "LastDay", "Phone", "PreviousDay" });

            foreach (var statement in DashboardTotalsBackfill.Statements("\"readmodel\"."))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerDays",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "CustomerRecency",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "OrderDayTotals",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "SkuDayTotals",
                schema: "readmodel");
        }
    }
}
