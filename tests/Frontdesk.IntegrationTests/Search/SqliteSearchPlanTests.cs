using Frontdesk.Common.Data;
using Frontdesk.Identity.Domain;
using Frontdesk.IntegrationTests.Infrastructure;
using Frontdesk.Tickets.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Search;

/// <summary>
/// SQLite search takes one of two plans by how many documents match: start from the matches, or
/// walk the tickets in list order and check each. Both must give the same tickets in the same order.
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
        async Task<List<long>> PageAsync(int manyMatches, bool includeInternal)
        {
            var search = new SqliteTicketSearch(db) { ManyMatches = manyMatches };
            var found = await search.FilterAsync(db.Tickets.AsNoTracking(), word, includeInternal, CancellationToken.None);
            return await found.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(5).ToListAsync();
        }

        var expectedStaff = new List<long> { internalOnly, numbers[1], numbers[6], numbers[5], numbers[4] };
        (await PageAsync(int.MaxValue, includeInternal: true)).ShouldBe(expectedStaff);
        (await PageAsync(1, includeInternal: true)).ShouldBe(expectedStaff);
        var expectedCustomer = new List<long> { numbers[1], numbers[6], numbers[5], numbers[4], numbers[3] };
        (await PageAsync(int.MaxValue, includeInternal: false)).ShouldBe(expectedCustomer);
        (await PageAsync(1, includeInternal: false)).ShouldBe(expectedCustomer);
    }
}
