using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PhoneE164 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MobilePhoneE164",
                table: "People",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneE164",
                table: "People",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_MobilePhoneE164",
                table: "People",
                column: "MobilePhoneE164");

            migrationBuilder.CreateIndex(
                name: "IX_People_PhoneE164",
                table: "People",
                column: "PhoneE164");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_MobilePhoneE164",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PhoneE164",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MobilePhoneE164",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PhoneE164",
                table: "People");
        }
    }
}
