using Frontdesk.Directory.Domain;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frontdesk.Tickets.Data;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Subject).HasMaxLength(300);
        b.Property(t => t.PriorityOverrideReason).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        b.HasOne<TicketStatus>().WithMany().HasForeignKey(t => t.StatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId);
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceCategory>().WithMany().HasForeignKey(t => t.CategoryId);
        b.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TicketId);
        b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId);

        // Queue views: newest activity first, filtered by category and by team, assignee or requester.
        // Every index ends in (UpdatedAt, Id) so keyset pagination reads one index range.
        b.HasIndex(t => new { t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.StatusCategory, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.StatusCategory, t.Priority, t.Id }); // queues: most urgent first, then the oldest
        b.HasIndex(t => new { t.TeamId, t.StatusCategory, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.StatusCategory, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.RequesterId, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.OrganizationId, t.UpdatedAt, t.Id });
    }
}

internal sealed class TicketStatusConfiguration : IEntityTypeConfiguration<TicketStatus>
{
    public void Configure(EntityTypeBuilder<TicketStatus> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(100);
        b.HasIndex(s => s.Name).IsUnique();
        b.HasData(TicketStatus.Defaults());
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> b)
    {
        b.HasKey(t => new { t.TicketId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(50);
        b.HasIndex(t => t.Tag);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.Property(e => e.Field).HasMaxLength(50);
        b.Property(e => e.OldValue).HasMaxLength(1000);
        b.Property(e => e.NewValue).HasMaxLength(1000);
        b.HasIndex(e => new { e.TicketId, e.Id });
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> b)
    {
        b.ToTable("Messages");
        b.Property(m => m.ExternalMessageId).HasMaxLength(998);
        b.Property(m => m.DeliveryDetail).HasMaxLength(2000);
        b.Property(m => m.Cc).HasMaxLength(4000);
        b.HasIndex(m => new { m.TicketId, m.Id });
        b.HasIndex(m => m.ExternalMessageId);
        b.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(127);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.ContentId).HasMaxLength(250);
        b.HasIndex(a => a.TicketId);
        b.HasOne(a => a.Ticket).WithMany().HasForeignKey(a => a.TicketId);
        b.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId);
    }
}

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> b)
    {
        b.ToTable("Categories");
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class PriorityMatrixCellConfiguration : IEntityTypeConfiguration<PriorityMatrixCell>
{
    public void Configure(EntityTypeBuilder<PriorityMatrixCell> b) => b.HasKey(c => new { c.Impact, c.Urgency });
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        b.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.TicketId);
    }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.HasIndex(d => new { d.TicketId, d.MessageId });
        b.HasOne(d => d.Ticket).WithMany().HasForeignKey(d => d.TicketId);
        b.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.MessageId);
    }
}

internal sealed class SearchHitConfiguration : IEntityTypeConfiguration<Search.SearchHit>
{
    public void Configure(EntityTypeBuilder<Search.SearchHit> b) => b.HasNoKey().ToView(null);
}
