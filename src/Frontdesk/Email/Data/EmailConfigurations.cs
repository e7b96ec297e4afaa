using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frontdesk.Email.Data;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("Mailboxes");
        b.Property(m => m.Address).HasMaxLength(320);
        b.HasIndex(m => m.Address).IsUnique();
        b.Property(m => m.DisplayName).HasMaxLength(200);
        b.Property(m => m.ImapHost).HasMaxLength(255);
        b.Property(m => m.ImapUsername).HasMaxLength(320);
        b.Property(m => m.ImapFolder).HasMaxLength(200);
        b.Property(m => m.ProcessedFolder).HasMaxLength(200);
        b.Property(m => m.SmtpHost).HasMaxLength(255);
        b.Property(m => m.SmtpUsername).HasMaxLength(320);
        b.Property(m => m.LeaseOwner).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> b)
    {
        b.ToTable("InboundMails");
        // Taking the same UID twice is impossible by construction, and refused here as well.
        b.HasIndex(m => new { m.MailboxId, m.UidValidity, m.Uid }).IsUnique();
        b.HasIndex(m => new { m.MailboxId, m.Status, m.Id });
        // The mailbox's log: newest first, all or by outcome.
        b.HasIndex(m => new { m.MailboxId, m.Id });
        b.HasIndex(m => new { m.MailboxId, m.Outcome, m.Id });
        b.HasIndex(m => m.MessageId);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.FromAddress).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(1000);
        b.Property(m => m.RawSha256).HasMaxLength(64);
        b.Property(m => m.Reason).HasMaxLength(2000);
        b.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailTemplateConfiguration : IEntityTypeConfiguration<MailTemplate>
{
    public void Configure(EntityTypeBuilder<MailTemplate> b)
    {
        b.ToTable("MailTemplates");
        b.HasKey(t => t.Kind);
        b.Property(t => t.Kind).ValueGeneratedNever();
        b.Property(t => t.Text).HasMaxLength(20_000);
        b.Property(t => t.Html).HasMaxLength(100_000);
    }
}

internal sealed class BlockedSenderConfiguration : IEntityTypeConfiguration<BlockedSender>
{
    public void Configure(EntityTypeBuilder<BlockedSender> b)
    {
        b.ToTable("BlockedSenders");
        b.Property(s => s.Pattern).HasMaxLength(320);
        b.HasIndex(s => s.Pattern).IsUnique();
        b.Property(s => s.Reason).HasMaxLength(500);
    }
}

internal sealed class OutboundMailConfiguration : IEntityTypeConfiguration<OutboundMail>
{
    public void Configure(EntityTypeBuilder<OutboundMail> b)
    {
        b.ToTable("OutboundMails");
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => m.TicketId);
        b.HasIndex(m => new { m.To, m.IsAutomatic, m.CreatedAt });
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Cc).HasMaxLength(4000);
        b.Property(m => m.Subject).HasMaxLength(1000);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.InReplyTo).HasMaxLength(998);
        b.Property(m => m.References).HasMaxLength(8000);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.LeaseOwner).HasMaxLength(200);
        b.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Cascade);
    }
}
