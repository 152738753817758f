using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkCustomerKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CartLinks_BotId_MemberId",
                table: "CartLinks");

            migrationBuilder.DropIndex(
                name: "IX_CartLinks_CartCustomerId_MemberId",
                table: "CartLinks");

            migrationBuilder.AddColumn<string>(
                name: "CustomerExternalId",
                table: "CartLinks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Existing links take their customer's key (it never changes).
            migrationBuilder.Sql("""
                UPDATE CartLinks SET CustomerExternalId = (SELECT c.ExternalId FROM CartCustomers c WHERE c.Id = CartLinks.CartCustomerId)
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_BotId_MemberId_ConnectionId_CustomerExternalId",
                table: "CartLinks",
                columns: new[] { "BotId", "MemberId", "ConnectionId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId",
                table: "CartLinks",
                column: "CartCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_ConnectionId_CustomerExternalId_MemberId",
                table: "CartLinks",
                columns: new[] { "ConnectionId", "CustomerExternalId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CartLinks_BotId_MemberId_ConnectionId_CustomerExternalId",
                table: "CartLinks");

            migrationBuilder.DropIndex(
                name: "IX_CartLinks_CartCustomerId",
                table: "CartLinks");

            migrationBuilder.DropIndex(
                name: "IX_CartLinks_ConnectionId_CustomerExternalId_MemberId",
                table: "CartLinks");

            migrationBuilder.DropColumn(
                name: "CustomerExternalId",
                table: "CartLinks");

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_BotId_MemberId",
                table: "CartLinks",
                columns: new[] { "BotId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId_MemberId",
                table: "CartLinks",
                columns: new[] { "CartCustomerId", "MemberId" });
        }
    }
}
