using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_State_DueAt",
                table: "Deliveries");

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<long>(type: "INTEGER", nullable: false),
                    Blocked = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Broadcasts_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Broadcasts_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_BotId_State_DueAt",
                table: "Deliveries",
                columns: new[] { "BotId", "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries",
                column: "RetryKey");

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_BotId_Id",
                table: "Broadcasts",
                columns: new[] { "BotId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_MessageId",
                table: "Broadcasts",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_State_ScheduledAt",
                table: "Broadcasts",
                columns: new[] { "State", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Broadcasts");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_BotId_State_DueAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries",
                column: "RetryKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_State_DueAt",
                table: "Deliveries",
                columns: new[] { "State", "DueAt" });
        }
    }
}
