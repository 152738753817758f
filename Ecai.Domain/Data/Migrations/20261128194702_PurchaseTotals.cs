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

            migrationBuilder.DropIndex(
                name: "IX_CartLinks_CartCustomerId",
                table: "CartLinks");

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "CartOrderItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CustomerExternalId",
                table: "CartOrderItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OrderedAt",
                table: "CartOrderItems",
                type: "INTEGER",
                nullable: true);

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

            // Fill the copies from the orders before their indexes exist (one pass each), then keep them with triggers.
            foreach (var sql in CartPurchaseTriggers.Rebuild()) migrationBuilder.Sql(sql);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_Cancelled_CustomerExternalId_OrderedAt",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName", "Cancelled", "CustomerExternalId", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_Cancelled_CustomerExternalId_OrderedAt",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "ProductCode", "Cancelled", "CustomerExternalId", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId_MemberId",
                table: "CartLinks",
                columns: new[] { "CartCustomerId", "MemberId" });

            foreach (var sql in CartPurchaseTriggers.Create()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in CartPurchaseTriggers.Names) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name}");
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_Cancelled_CustomerExternalId_OrderedAt",
                table: "CartOrderItems");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_Cancelled_CustomerExternalId_OrderedAt",
                table: "CartOrderItems");

            migrationBuilder.DropIndex(
                name: "IX_CartLinks_CartCustomerId_MemberId",
                table: "CartLinks");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "CartOrderItems");

            migrationBuilder.DropColumn(
                name: "CustomerExternalId",
                table: "CartOrderItems");

            migrationBuilder.DropColumn(
                name: "OrderedAt",
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

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId",
                table: "CartLinks",
                column: "CartCustomerId");
        }
    }
}
