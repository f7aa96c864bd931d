using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderStockMovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrderId",
                schema: "readmodel",
                table: "StockMovements",
                type: "text",
                nullable: true);

            // Orders' reservations, releases and shipments are projected from the orders (Projection/OrderStockMovements):
            // reading the grain storage again from the start lists them for the orders already there. Every other row
            // is applied only if newer, so nothing else changes.
            migrationBuilder.Sql("UPDATE \"readmodel\".\"Checkpoints\" SET \"Position\" = 0 WHERE \"Name\" = 'grain-storage'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrderId",
                schema: "readmodel",
                table: "StockMovements");
        }
    }
}
