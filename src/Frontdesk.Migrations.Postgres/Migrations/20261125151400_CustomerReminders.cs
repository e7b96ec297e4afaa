using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomerReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WaitsForRequester",
                table: "TicketStatuses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CustomerRemindedAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 1,
                column: "WaitsForRequester",
                value: false);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 2,
                column: "WaitsForRequester",
                value: false);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 3,
                column: "WaitsForRequester",
                value: true);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 4,
                column: "WaitsForRequester",
                value: false);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 5,
                column: "WaitsForRequester",
                value: false);

            migrationBuilder.UpdateData(
                table: "TicketStatuses",
                keyColumn: "Id",
                keyValue: 6,
                column: "WaitsForRequester",
                value: false);

            // Tickets already waiting count as reminded at their last change: a deploy must not
            // send a burst of reminders for tickets that have waited for months.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"CustomerRemindedAt\" = \"UpdatedAt\" WHERE \"StatusCategory\" = 2;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitsForRequester",
                table: "TicketStatuses");

            migrationBuilder.DropColumn(
                name: "CustomerRemindedAt",
                table: "Tickets");
        }
    }
}
