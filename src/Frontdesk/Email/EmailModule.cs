using Frontdesk.Email.Intake;
using Frontdesk.Email.Mailboxes;
using Frontdesk.Email.Outbox;
using Frontdesk.Tickets.Events;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Email;

/// <summary>E-mail in (IMAP) and out (SMTP through the outbox).</summary>
internal static class EmailModule
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        RegisterCharsets();
        services.AddSingleton<MailConnections>();
        services.AddSingleton<ConnectionTester>();
        services.AddMemoryCache(); // mailboxes and templates are cached
        services.AddSingleton<MailboxCatalog>();
        services.AddScoped<MailIntake>();
        services.AddScoped<MailboxAdmin>();
        services.AddScoped<MailLog>();
        services.AddScoped<MailTemplateAdmin>();
        services.AddScoped<MailComposer>();
        services.AddScoped<MailTemplateStore>();
        services.AddScoped<ReplyMailer>();
        services.AddScoped<ITicketChangeHandler>(sp => sp.GetRequiredService<ReplyMailer>());
        services.AddSingleton<ReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderWorker>());
        services.AddSingleton<MailboxPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<MailboxPoller>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    /// <summary>
    /// windows-1252, ISO-2022-JP, KOI8-R and the other legacy charsets real mail uses are not in
    /// .NET by default. MimeKit remembers a charset it failed to find, so this must run before
    /// any mail is parsed.
    /// </summary>
    public static void RegisterCharsets() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        MailboxEndpoints.Map(app);
        BlockedSenderEndpoints.Map(app);
        MailTemplateEndpoints.Map(app);
        return app;
    }
}
