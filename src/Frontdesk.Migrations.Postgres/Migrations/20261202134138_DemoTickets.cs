using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Postgres.Migrations
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
                type: "boolean",
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
