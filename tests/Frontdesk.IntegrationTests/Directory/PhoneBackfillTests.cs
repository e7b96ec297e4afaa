using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.IntegrationTests.Directory;

/// <summary>People stored before E.164 was kept get it at the next start, and are found by phone from then on.</summary>
public sealed class PhoneBackfillTests
{
    [Fact]
    public async Task A_restart_gives_earlier_people_their_numbers_in_E164()
    {
        var data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        long id;
        var first = new SqliteApp { DataDirectory = data, KeepData = true };
        await using (first)
        {
            await first.InitializeAsync();
            var agent = await first.CreateUserAsync(Roles.Agent);
            id = (await agent.Api.PostJsonAsync("/api/v1/people", new { name = "Alan Turing", email = "alan@example.com", phone = "+44 20 7946 0958", mobilePhone = "ext. 12" }))["id"]!.GetValue<long>();
            // As stored by a version before E.164.
            first.WithDb(db => db.People.Where(p => p.Id == id).ExecuteUpdate(s => s.SetProperty(p => p.PhoneE164, (string?)null)));
            (await agent.Api.GetJsonAsync("/api/v1/people?q=%2B442079460958"))["items"]!.AsArray().ShouldBeEmpty();
        }

        var second = new SqliteApp { DataDirectory = data };
        await using (second)
        {
            await second.InitializeAsync();
            second.WithDb(db => db.People.Where(p => p.Id == id).Select(p => new { p.PhoneE164, p.MobilePhoneE164 }).Single())
                .ShouldBe(new { PhoneE164 = (string?)"+442079460958", MobilePhoneE164 = (string?)null });
            var agent = await second.CreateUserAsync(Roles.Agent);
            (await agent.Api.GetJsonAsync("/api/v1/people?q=%2B44%2020%207946%200958"))["items"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()).ShouldBe([id]);
        }
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
