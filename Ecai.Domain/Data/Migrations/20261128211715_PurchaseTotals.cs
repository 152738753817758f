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

            migrationBuilder.CreateTable(
                name: "CustomerOrderTotals",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerOrderTotals", x => new { x.ConnectionId, x.CustomerExternalId });
                    table.ForeignKey(
                        name: "FK_CustomerOrderTotals_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Fill the copies from the orders before their indexes exist (one pass each); the import keeps them from here on.
            foreach (var sql in PurchaseCopies.Rebuild()) migrationBuilder.Sql(sql);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_Cancelled_OrderedAt_CustomerExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName", "Cancelled", "OrderedAt", "CustomerExternalId" },
                filter: "CourseName IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_Cancelled_OrderedAt_CustomerExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "ProductCode", "Cancelled", "OrderedAt", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId_MemberId",
                table: "CartLinks",
                columns: new[] { "CartCustomerId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerOrderTotals");

            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_Cancelled_OrderedAt_CustomerExternalId",
                table: "CartOrderItems");

            migrationBuilder.DropIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_Cancelled_OrderedAt_CustomerExternalId",
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
