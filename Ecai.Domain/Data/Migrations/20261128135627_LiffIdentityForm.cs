using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiffIdentityForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RegisteredName",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Cause",
                table: "MemberEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TagId",
                table: "MemberEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityFormDoneMessage",
                table: "Bots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LineLoginChannelId",
                table: "Bots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IdentityFormTags",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityFormTags", x => new { x.BotId, x.TagId });
                    table.ForeignKey(
                        name: "FK_IdentityFormTags_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdentityFormTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityFormTags_TagId",
                table: "IdentityFormTags",
                column: "TagId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityFormTags");

            migrationBuilder.DropColumn(
                name: "RegisteredName",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Cause",
                table: "MemberEvents");

            migrationBuilder.DropColumn(
                name: "TagId",
                table: "MemberEvents");

            migrationBuilder.DropColumn(
                name: "IdentityFormDoneMessage",
                table: "Bots");

            migrationBuilder.DropColumn(
                name: "LineLoginChannelId",
                table: "Bots");
        }
    }
}
