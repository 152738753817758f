using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllCarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "CartOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryMethod",
                table: "CartOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckoutCursor",
                table: "CartConnections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LicenseExpiresOn",
                table: "CartConnections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextPullAt",
                table: "CartConnections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PullIntervalMinutes",
                table: "CartConnections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<long>(
                name: "SubscriptionTagsSince",
                table: "CartConnections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CartCheckouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    EmailNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    RecoveryUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartCheckouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartCheckouts_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CartCheckouts_BotId_EmailNormalized",
                table: "CartCheckouts",
                columns: new[] { "BotId", "EmailNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCheckouts_ConnectionId_Token",
                table: "CartCheckouts",
                columns: new[] { "ConnectionId", "Token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_Source_DeliveryId",
                table: "WebhookReceipts",
                columns: new[] { "Source", "DeliveryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CartCheckouts");

            migrationBuilder.DropTable(
                name: "WebhookReceipts");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "CartOrders");

            migrationBuilder.DropColumn(
                name: "DeliveryMethod",
                table: "CartOrders");

            migrationBuilder.DropColumn(
                name: "CheckoutCursor",
                table: "CartConnections");

            migrationBuilder.DropColumn(
                name: "LicenseExpiresOn",
                table: "CartConnections");

            migrationBuilder.DropColumn(
                name: "NextPullAt",
                table: "CartConnections");

            migrationBuilder.DropColumn(
                name: "PullIntervalMinutes",
                table: "CartConnections");

            migrationBuilder.DropColumn(
                name: "SubscriptionTagsSince",
                table: "CartConnections");
        }
    }
}
