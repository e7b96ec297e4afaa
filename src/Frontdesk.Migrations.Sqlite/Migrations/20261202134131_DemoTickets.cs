using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DemoTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Tickets");
        }
    }
}
