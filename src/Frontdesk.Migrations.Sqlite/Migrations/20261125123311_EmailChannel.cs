using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frontdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailFailingSince",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailFailure",
                table: "People",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Delivery",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryDetail",
                table: "Messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ImapHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ImapPort = table.Column<int>(type: "INTEGER", nullable: false),
                    ImapSecurity = table.Column<int>(type: "INTEGER", nullable: false),
                    ImapUsername = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ImapPasswordProtected = table.Column<string>(type: "TEXT", nullable: false),
                    ImapFolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SmtpHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SmtpPort = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpSecurity = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpUsername = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SmtpPasswordProtected = table.Column<string>(type: "TEXT", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    PollSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMessageBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPollAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailboxes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InboundMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<long>(type: "INTEGER", nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RawSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundMails_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Cc = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: false),
                    InReplyTo = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    References = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    IsAutomatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundMails_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMails_MailboxId_Status_Id",
                table: "InboundMails",
                columns: new[] { "MailboxId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMails_MailboxId_UidValidity_Uid",
                table: "InboundMails",
                columns: new[] { "MailboxId", "UidValidity", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMails_MessageId",
                table: "InboundMails",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Address",
                table: "Mailboxes",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_TeamId",
                table: "Mailboxes",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_MailboxId",
                table: "OutboundMails",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_MessageId",
                table: "OutboundMails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_Status_NextAttemptAt",
                table: "OutboundMails",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_TicketId",
                table: "OutboundMails",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_To_IsAutomatic_CreatedAt",
                table: "OutboundMails",
                columns: new[] { "To", "IsAutomatic", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundMails");

            migrationBuilder.DropTable(
                name: "OutboundMails");

            migrationBuilder.DropTable(
                name: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "EmailFailingSince",
                table: "People");

            migrationBuilder.DropColumn(
                name: "EmailFailure",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "DeliveryDetail",
                table: "Messages");
        }
    }
}
