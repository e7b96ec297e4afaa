using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MailOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "InboundMails",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMails_MailboxId_Id",
                table: "InboundMails",
                columns: new[] { "MailboxId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMails_MailboxId_Outcome_Id",
                table: "InboundMails",
                columns: new[] { "MailboxId", "Outcome", "Id" });

            // Mails taken before outcomes were kept: read them back from status and reason, and for
            // processed mail from whether it was its ticket's first message.
            migrationBuilder.Sql("""
                UPDATE "InboundMails" SET "Outcome" = CASE
                    WHEN "Status" = 3 THEN 8
                    WHEN "Status" = 2 AND "Reason" LIKE 'Sent from our own%' THEN 6
                    WHEN "Status" = 2 AND "Reason" LIKE 'The sender %' THEN 7
                    WHEN "Status" = 2 THEN 5
                    WHEN "Status" = 1 AND "Reason" LIKE 'Delivery report%' THEN 4
                    WHEN "Status" = 1 AND "Reason" LIKE 'No acknowledgement: the mail is %' THEN 3
                    WHEN "Status" = 1 AND "TicketMessageId" IS NOT NULL AND "TicketMessageId" <> (
                        SELECT MIN(m."Id") FROM "Messages" m WHERE m."TicketId" = "InboundMails"."TicketId") THEN 2
                    WHEN "Status" = 1 THEN 1
                    ELSE 0 END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundMails_MailboxId_Id",
                table: "InboundMails");

            migrationBuilder.DropIndex(
                name: "IX_InboundMails_MailboxId_Outcome_Id",
                table: "InboundMails");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "InboundMails");
        }
    }
}
