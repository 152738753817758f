using Ecai.Domain.Carts;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId",
                table: "MemberTags");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName",
                table: "CartOrderItems");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode",
                table: "CartOrderItems");

            migrationBuilder.AddColumn<long>(
                name: "OrderAmount",
                table: "CartCustomers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "OrderCount",
                table: "CartCustomers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_OrderExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName", "OrderExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_OrderExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "ProductCode", "OrderExternalId" });

            // Fill the customers' order totals from the orders, then keep them with triggers.
            migrationBuilder.Sql(CustomerOrderTotals.Rebuild());
            foreach (var sql in CustomerOrderTotals.Create()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in CustomerOrderTotals.Names) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name}");
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_OrderExternalId",
                table: "CartOrderItems");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_OrderExternalId",
                table: "CartOrderItems");

            migrationBuilder.DropColumn(
                name: "OrderAmount",
                table: "CartCustomers");

            migrationBuilder.DropColumn(
                name: "OrderCount",
                table: "CartCustomers");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId",
                table: "MemberTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "ProductCode" });
        }
    }
}
