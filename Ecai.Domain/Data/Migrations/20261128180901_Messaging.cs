using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
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

            migrationBuilder.CreateTable(
                name: "FollowActions",
                columns: table => new
                {
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RichMenuId = table.Column<string>(type: "TEXT", nullable: true),
                    RichMenuLinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RichMenuAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RichMenuError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowActions", x => x.DeliveryId);
                    table.ForeignKey(
                        name: "FK_FollowActions_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowActions_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", nullable: false),
                    Times = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowMessages_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowMessages_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowOrderScans",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Products = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowOrderScans", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_FollowOrderScans_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowOrderScans_CartOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "CartOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowScanStates",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Triggers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowScanStates", x => x.BotId);
                    table.ForeignKey(
                        name: "FK_FollowScanStates_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StepScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    EntryAfterEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepScenarios_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StepScenarios_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowScenarios",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowMessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    AtTime = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    AddTagId = table.Column<int>(type: "INTEGER", nullable: true),
                    RemoveTagId = table.Column<int>(type: "INTEGER", nullable: true),
                    RichMenuId = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_FollowMessages_FollowMessageId",
                        column: x => x.FollowMessageId,
                        principalTable: "FollowMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_Tags_AddTagId",
                        column: x => x.AddTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_Tags_RemoveTagId",
                        column: x => x.RemoveTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScenarioId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DelayKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    AtMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_StepScenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "StepScenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_StoredMessages_MessageId",
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
                name: "IX_CartOrders_ConnectionId_ShippedAt_Cancelled_Times_ExternalId_CustomerExternalId",
                table: "CartOrders",
                columns: new[] { "ConnectionId", "ShippedAt", "Cancelled", "Times", "ExternalId", "CustomerExternalId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_FollowActions_BotId_RichMenuLinkedAt",
                table: "FollowActions",
                columns: new[] { "BotId", "RichMenuLinkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowMessages_BotId_ConnectionId_ProductCode_Priority",
                table: "FollowMessages",
                columns: new[] { "BotId", "ConnectionId", "ProductCode", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowMessages_ConnectionId",
                table: "FollowMessages",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowOrderScans_ConnectionId_Products",
                table: "FollowOrderScans",
                columns: new[] { "ConnectionId", "Products" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowOrderScans_ConnectionId_ShippedAt",
                table: "FollowOrderScans",
                columns: new[] { "ConnectionId", "ShippedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_AddTagId",
                table: "FollowScenarios",
                column: "AddTagId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_FollowMessageId_SortOrder",
                table: "FollowScenarios",
                columns: new[] { "FollowMessageId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_MessageId",
                table: "FollowScenarios",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_RemoveTagId",
                table: "FollowScenarios",
                column: "RemoveTagId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_MessageId",
                table: "ScenarioSteps",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_ScenarioId_Position",
                table: "ScenarioSteps",
                columns: new[] { "ScenarioId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_StepScenarios_BotId_Enabled",
                table: "StepScenarios",
                columns: new[] { "BotId", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_StepScenarios_TagId",
                table: "StepScenarios",
                column: "TagId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Broadcasts");

            migrationBuilder.DropTable(
                name: "FollowActions");

            migrationBuilder.DropTable(
                name: "FollowOrderScans");

            migrationBuilder.DropTable(
                name: "FollowScanStates");

            migrationBuilder.DropTable(
                name: "FollowScenarios");

            migrationBuilder.DropTable(
                name: "ScenarioSteps");

            migrationBuilder.DropTable(
                name: "FollowMessages");

            migrationBuilder.DropTable(
                name: "StepScenarios");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_BotId_State_DueAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_CartOrders_ConnectionId_ShippedAt_Cancelled_Times_ExternalId_CustomerExternalId",
                table: "CartOrders");

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
