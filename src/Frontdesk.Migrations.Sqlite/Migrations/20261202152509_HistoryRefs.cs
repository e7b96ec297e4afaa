using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HistoryRefs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NewCategory",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NewRef",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OldCategory",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OldRef",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NewCategory",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "NewRef",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "OldCategory",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "OldRef",
                table: "TicketEvents");
        }
    }
}
