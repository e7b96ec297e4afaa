using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Hostile;

/// <summary>A new user's first hour (issue 11): what a person meets in the browser and the API reference.</summary>
public sealed class FirstHourTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Pages_show_a_styled_not_found_page_never_raw_problem_details()
    {
        var owner = await app.CreateUserAsync(Roles.Customer);
        var other = await app.CreateUserAsync(Roles.Customer);
        var n = (await owner.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Mine alone", body = "x" })).Number();
        var browser = app.Browser();
        (await browser.PostSignInAsync(other.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var path in new[] { $"/tickets/{n}", "/tickets/987654321", "/no-such-page", "/tickets/not-a-number", $"/tickets/{n}/attachments/1" })
        {
            var response = await browser.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("Not found", Case.Sensitive, path);
            html.ShouldContain("app", Case.Sensitive, path); // the console's stylesheet
            html.ShouldNotContain("\"status\":", Case.Sensitive, path);
            html.ShouldNotContain("Mine alone", Case.Sensitive, path);
        }
    }

    [Fact]
    public async Task The_api_reference_works_offline_and_shows_only_frontdesk()
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/scalar/");
        page.ShouldNotContain("https://", Case.Insensitive); // nothing loaded from another host
        page.ShouldContain("\"withDefaultFonts\":false");
        page.ShouldContain("\"showDeveloperTools\":\"never\"");
        page.ShouldContain("\"agent\":{\"disabled\":true}");
        var document = await client.GetJsonAsync("/openapi/v1.json");
        document["info"]!["description"]!.GetValue<string>().ShouldContain("`Authorization: Bearer <token>`");
    }
}
