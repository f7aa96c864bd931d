using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "readmodel");

            migrationBuilder.CreateTable(
                name: "Checkpoints",
                schema: "readmodel",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checkpoints", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    OrderId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    PaymentStatus = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ExternalOrderNo = table.Column<string>(type: "text", nullable: true),
                    CustomerName = table.Column<string>(type: "text", nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: false),
                    Province = table.Column<string>(type: "text", nullable: false),
                    City = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    Warehouse = table.Column<string>(type: "text", nullable: true),
                    Hold = table.Column<string>(type: "text", nullable: false),
                    SagaPending = table.Column<bool>(type: "boolean", nullable: false),
                    Carrier = table.Column<string>(type: "text", nullable: true),
                    TrackingNo = table.Column<string>(type: "text", nullable: true),
                    Total = table.Column<decimal>(type: "numeric", nullable: false),
                    Paid = table.Column<decimal>(type: "numeric", nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcessingMinutes = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => new { x.TenantId, x.OrderId });
                });

            migrationBuilder.CreateTable(
                name: "Skus",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Barcode = table.Column<string>(type: "text", nullable: true),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    Price = table.Column<decimal>(type: "numeric", nullable: false),
                    WeightKg = table.Column<decimal>(type: "numeric", nullable: false),
                    SafetyStock = table.Column<int>(type: "integer", nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Skus", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Stock",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    WarehouseCode = table.Column<string>(type: "text", nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<int>(type: "integer", nullable: false),
                    SafetyStock = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stock", x => new { x.TenantId, x.SkuCode, x.WarehouseCode });
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    OperationId = table.Column<string>(type: "text", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    WarehouseCode = table.Column<string>(type: "text", nullable: false),
                    ToWarehouseCode = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => new { x.TenantId, x.OperationId });
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Plan = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Province = table.Column<string>(type: "text", nullable: false),
                    City = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warehouses", x => new { x.TenantId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "OrderLines",
                schema: "readmodel",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    OrderId = table.Column<string>(type: "text", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    SkuName = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    Discount = table.Column<decimal>(type: "numeric", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Warehouse = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLines", x => new { x.TenantId, x.OrderId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_OrderLines_Orders_TenantId_OrderId",
                        columns: x => new { x.TenantId, x.OrderId },
                        principalSchema: "readmodel",
                        principalTable: "Orders",
                        principalColumns: new[] { "TenantId", "OrderId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_TenantId_CreatedOn_Status_Warehouse_SkuCode_Quan~",
                schema: "readmodel",
                table: "OrderLines",
                columns: new[] { "TenantId", "CreatedOn", "Status", "Warehouse", "SkuCode", "Quantity" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_TenantId_SkuCode",
                schema: "readmodel",
                table: "OrderLines",
                columns: new[] { "TenantId", "SkuCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_CreatedAt",
                schema: "readmodel",
                table: "Orders",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_CreatedOn_Status_Channel_Warehouse_Phone_To~",
                schema: "readmodel",
                table: "Orders",
                columns: new[] { "TenantId", "CreatedOn", "Status", "Channel", "Warehouse", "Phone", "Total", "ProcessingMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_Hold",
                schema: "readmodel",
                table: "Orders",
                columns: new[] { "TenantId", "Hold" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_SagaPending",
                schema: "readmodel",
                table: "Orders",
                columns: new[] { "TenantId", "SagaPending" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_Status_CreatedAt",
                schema: "readmodel",
                table: "Orders",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Skus_TenantId_Barcode",
                schema: "readmodel",
                table: "Skus",
                columns: new[] { "TenantId", "Barcode" });

            migrationBuilder.CreateIndex(
                name: "IX_Skus_TenantId_Name",
                schema: "readmodel",
                table: "Skus",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_TenantId_SkuCode_At",
                schema: "readmodel",
                table: "StockMovements",
                columns: new[] { "TenantId", "SkuCode", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Checkpoints",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "OrderLines",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "Skus",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "Stock",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "StockMovements",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "Tenants",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "Warehouses",
                schema: "readmodel");

            migrationBuilder.DropTable(
                name: "Orders",
                schema: "readmodel");
        }
    }
}
