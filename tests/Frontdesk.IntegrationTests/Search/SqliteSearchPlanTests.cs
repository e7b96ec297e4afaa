using Frontdesk.Database;
using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Infrastructure;
using Frontdesk.Tickets.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Search;

/// <summary>
/// SQLite search takes one of three plans by how many documents match and where: start from the
/// matches; walk the tickets in list order and probe each document; walk them against the set of
/// all matches. All must give the same tickets in the same order, in both directions.
/// </summary>
public sealed class SqliteSearchPlanTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Walking_the_tickets_and_starting_from_the_matches_find_the_same_page()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var word = "plan" + Guid.NewGuid().ToString("N")[..6];
        var numbers = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add((await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = $"Badge reader {i}", body = $"door {word} stuck", requesterEmail = "plan@example.com" })).Number());
        }
        await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Unrelated", body = "nothing here", requesterEmail = "plan@example.com" });
        // Touch an old one so "newest activity first" differs from "newest ticket first".
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{numbers[1]}/messages", new { body = "still stuck" });
        var internalOnly = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Turnstile", body = "jammed", requesterEmail = "plan@example.com" })).Number();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{internalOnly}/messages", new { body = $"vendor says {word}", @internal = true });

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        // The newest four documents are "recent"; the rest are probed one by one.
        var plans = new Dictionary<string, SqliteTicketSearch>
        {
            ["from the matches"] = new(db) { FewMatches = int.MaxValue, ManyMatches = int.MaxValue },
            ["probing walk"] = new(db) { FewMatches = 1, RecentDocuments = 4, RecentEnough = 1 },
            ["probing walk, small window"] = new(db) { FewMatches = 1, RecentDocuments = 4, RecentEnough = 1, Window = 2 },
            ["walk against all matches"] = new(db) { FewMatches = 1, ManyMatches = 1, RecentEnough = int.MaxValue },
        };
        async Task<List<long>> PageAsync(SqliteTicketSearch search, bool includeInternal, TicketOrder order)
        {
            var found = await search.FilterAsync(db.Tickets.AsNoTracking(), word, includeInternal, order, CancellationToken.None);
            var ordered = order switch
            {
                TicketOrder.RecentlyUpdatedFirst => found.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
                TicketOrder.LeastRecentlyUpdatedFirst => found.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
                TicketOrder.NewestFirst => found.OrderByDescending(t => t.Id),
                _ => found.OrderBy(t => t.Id),
            };
            return await ordered.Select(t => t.Id).Take(5).ToListAsync();
        }

        foreach (var (plan, search) in plans)
        {
            (await PageAsync(search, includeInternal: true, TicketOrder.RecentlyUpdatedFirst)).ShouldBe([internalOnly, numbers[1], numbers[6], numbers[5], numbers[4]], plan);
            (await PageAsync(search, includeInternal: false, TicketOrder.RecentlyUpdatedFirst)).ShouldBe([numbers[1], numbers[6], numbers[5], numbers[4], numbers[3]], plan);
            (await PageAsync(search, includeInternal: true, TicketOrder.LeastRecentlyUpdatedFirst)).ShouldBe([numbers[0], numbers[2], numbers[3], numbers[4], numbers[5]], plan);
            (await PageAsync(search, includeInternal: true, TicketOrder.NewestFirst)).ShouldBe([internalOnly, numbers[6], numbers[5], numbers[4], numbers[3]], plan);
            (await PageAsync(search, includeInternal: false, TicketOrder.NewestFirst)).ShouldBe([numbers[6], numbers[5], numbers[4], numbers[3], numbers[2]], plan);
        }
    }
}
