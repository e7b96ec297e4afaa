using Frontdesk.Common.Security;
using System.Collections.Concurrent;
using Frontdesk.Common.Data;
using Frontdesk.Email.Intake;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frontdesk.IntegrationTests.Hostile;

/// <summary>A Frontdesk whose log lines a test can read.</summary>
public sealed class LoggedApp : FrontdeskApp, ILoggerProvider
{
    // The test polls by itself: no background poller racing it for the mailbox.
    public LoggedApp() => Settings = new Dictionary<string, string> { ["Frontdesk:Email:Enabled"] = "false" };

    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(this));
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Logger(this, categoryName);

    void IDisposable.Dispose()
    {
    }

    private sealed class Logger(LoggedApp app, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            app.Lines.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}

public sealed class MailboxLogTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task A_mailbox_that_cannot_connect_logs_one_warning_per_change_of_state_without_a_stack_trace()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var mailbox = await MailDesk.AddUnreachableAsync(admin, "down");
        // As if it had worked until now (adding it already noted the problem on the mailbox).
        app.WithDb(db => db.Mailboxes.Where(m => m.Id == mailbox).ExecuteUpdate(s => s.SetProperty(m => m.LastError, (string?)null)));
        var poller = app.Services.GetRequiredService<MailboxPoller>();
        for (var i = 0; i < 4; i++) await poller.PollAsync(mailbox, CancellationToken.None);

        var lines = app.Lines.Where(l => l.Category.EndsWith(nameof(MailboxPoller), StringComparison.Ordinal) && l.Level >= LogLevel.Information).ToList();
        lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("down-", StringComparison.Ordinal)).ShouldBe(1, $"{app.Lines.Count} lines; poller: " + string.Join("\n", lines.Select(l => l.Message)) + "; categories: " + string.Join(", ", app.Lines.Select(l => l.Category).Distinct()));
        lines.ShouldAllBe(l => l.Exception == null);
    }
}
