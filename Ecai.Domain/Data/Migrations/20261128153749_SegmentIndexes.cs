using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SegmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CartOrders_ConnectionId_CustomerExternalId",
                table: "CartOrders");

            migrationBuilder.CreateIndex(
                name: "IX_CartOrders_ConnectionId_CustomerExternalId_Cancelled_Amount_OrderedAt",
                table: "CartOrders",
                columns: new[] { "ConnectionId", "CustomerExternalId", "Cancelled", "Amount", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CartOrders_ConnectionId_CustomerExternalId_Cancelled_Amount_OrderedAt",
                table: "CartOrders");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName",
                table: "CartOrderItems");

            migrationBuilder.CreateIndex(
                name: "IX_CartOrders_ConnectionId_CustomerExternalId",
                table: "CartOrders",
                columns: new[] { "ConnectionId", "CustomerExternalId" });
        }
    }
}
