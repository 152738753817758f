using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Members");
        }
    }
}
