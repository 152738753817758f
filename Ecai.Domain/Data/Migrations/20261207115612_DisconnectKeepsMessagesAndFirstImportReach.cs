using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisconnectKeepsMessagesAndFirstImportReach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowMessages_CartConnections_ConnectionId",
                table: "FollowMessages");

            migrationBuilder.AlterColumn<int>(
                name: "ConnectionId",
                table: "FollowMessages",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "QuietUpToEventId",
                table: "CartLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstImportToEveryone",
                table: "CartConnections",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowMessages_CartConnections_ConnectionId",
                table: "FollowMessages",
                column: "ConnectionId",
                principalTable: "CartConnections",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowMessages_CartConnections_ConnectionId",
                table: "FollowMessages");

            migrationBuilder.DropColumn(
                name: "QuietUpToEventId",
                table: "CartLinks");

            migrationBuilder.DropColumn(
                name: "FirstImportToEveryone",
                table: "CartConnections");

            migrationBuilder.AlterColumn<int>(
                name: "ConnectionId",
                table: "FollowMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowMessages_CartConnections_ConnectionId",
                table: "FollowMessages",
                column: "ConnectionId",
                principalTable: "CartConnections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
