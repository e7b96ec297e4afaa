using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Frontdesk.Identity.Domain;
using Frontdesk.Tickets.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Database;

/// <summary>The one database context; each capability contributes its configurations.</summary>
internal sealed class FrontdeskDbContext(DbContextOptions<FrontdeskDbContext> options)
    : IdentityDbContext<FrontdeskUser, FrontdeskRole, long>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The service scope that leased this context from the pool (null for tools that make their own),
    /// so what runs on a save (the modules' interceptors) shares the unit of work.
    /// </summary>
    public IServiceProvider? Services { get; internal set; }

    public DbSet<Person> People => Set<Person>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketStatus> TicketStatuses => Set<TicketStatus>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<TicketMessage> Messages => Set<TicketMessage>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ServiceCategory> Categories => Set<ServiceCategory>();
    public DbSet<PriorityMatrixCell> PriorityMatrixCells => Set<PriorityMatrixCell>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();
    public DbSet<InboundMail> InboundMails => Set<InboundMail>();
    public DbSet<OutboundMail> OutboundMails => Set<OutboundMail>();
    public DbSet<BlockedSender> BlockedSenders => Set<BlockedSender>();
    public DbSet<MailTemplate> MailTemplates => Set<MailTemplate>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FrontdeskDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgresModel.Apply(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset; store UTC instants as integer microseconds.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMicrosecondsConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcMicrosecondsConverter>();
        }
    }
}
