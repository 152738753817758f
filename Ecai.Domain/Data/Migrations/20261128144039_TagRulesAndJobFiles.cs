using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TagRulesAndJobFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FileExpiresAt",
                table: "JobRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "JobRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilePath",
                table: "JobRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OperatorId",
                table: "JobRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventCursors",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCursors", x => new { x.BotId, x.Consumer });
                    table.ForeignKey(
                        name: "FK_EventCursors_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparison = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromMonthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    ToMonthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagRules_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TagRules_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_FileExpiresAt",
                table: "JobRuns",
                column: "FileExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_TagRules_BotId_Enabled",
                table: "TagRules",
                columns: new[] { "BotId", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_TagRules_TagId",
                table: "TagRules",
                column: "TagId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventCursors");

            migrationBuilder.DropTable(
                name: "TagRules");

            migrationBuilder.DropIndex(
                name: "IX_JobRuns_FileExpiresAt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "FileExpiresAt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "FileName",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "FilePath",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "OperatorId",
                table: "JobRuns");
        }
    }
}
