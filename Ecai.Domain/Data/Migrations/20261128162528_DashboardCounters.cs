using Ecai.Domain.Dashboard;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectionLinkCounts",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionLinkCounts", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_ConnectionLinkCounts_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FriendMonthCounts",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Friends = table.Column<int>(type: "INTEGER", nullable: false),
                    Linked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FriendMonthCounts", x => new { x.BotId, x.Month });
                    table.ForeignKey(
                        name: "FK_FriendMonthCounts_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Fill the counters from the data, then keep them with triggers.
            foreach (var sql in DashboardCounterTriggers.Rebuild()) migrationBuilder.Sql(sql);
            foreach (var sql in DashboardCounterTriggers.Create()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in DashboardCounterTriggers.Names) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name}");
            migrationBuilder.DropTable(
                name: "ConnectionLinkCounts");

            migrationBuilder.DropTable(
                name: "FriendMonthCounts");
        }
    }
}
