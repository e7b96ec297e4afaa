using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.Common.Data;
using Frontdesk.Identity.Domain;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Hostile;

/// <summary>A Frontdesk with tight sign-in limits, and a password hasher that counts its work.</summary>
public sealed class SignInDefenceApp : FrontdeskApp
{
    public const int PerClient = 8;
    public const int PerAccount = 4;

    public SignInDefenceApp() => Settings = new Dictionary<string, string>
    {
        ["Frontdesk:Security:SignInAttemptsPerMinute"] = PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Frontdesk:Security:SignInAttemptsPerAccountPerMinute"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    internal CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<FrontdeskUser>>(Hasher));
    }

    /// <summary>Counts how many times a password was hashed or checked: the expensive step every answer must pay once.</summary>
    internal sealed class CountingHasher : IPasswordHasher<FrontdeskUser>
    {
        private readonly PasswordHasher<FrontdeskUser> _inner = new();
        private int _work;

        public int Work => Volatile.Read(ref _work);

        public string HashPassword(FrontdeskUser user, string password)
        {
            Interlocked.Increment(ref _work);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(FrontdeskUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _work);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SignInDefenceTests(SignInDefenceApp app) : IClassFixture<SignInDefenceApp>
{
    private static string Address() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<HttpResponseMessage> TokenAsync(string client, string email, string password)
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add(TestClientAddress.Header, client);
        return await api.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password });
    }

    [Fact]
    public async Task The_form_and_the_token_endpoint_share_one_limit_per_client()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        var client = Address();
        for (var i = 0; i < SignInDefenceApp.PerClient; i++)
        {
            (await TokenAsync(client, $"nobody{i}@example.com", "wrong-password-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await TokenAsync(client, user.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // The form from the same client is refused too, even with the right password.
        var browser = app.Browser(client);
        var form = await browser.PostSignInAsync(user.Email, FrontdeskApp.Password);
        form.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await form.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
        (await browser.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Another client is not affected.
        (await app.Browser(Address()).PostSignInAsync(user.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task One_account_is_limited_from_every_client_together()
    {
        var user = await app.CreateUserAsync(Roles.Customer);
        for (var i = 0; i < SignInDefenceApp.PerAccount - 1; i++) // the account's sign-in above used one attempt
        {
            (await TokenAsync(Address(), user.Email, "wrong-password-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await TokenAsync(Address(), user.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await app.Browser(Address()).PostSignInAsync(user.Email.ToUpperInvariant(), FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Unknown_inactive_locked_and_wrong_each_cost_one_password_hash()
    {
        var locked = await app.CreateUserAsync(Roles.Customer);
        var inactive = await app.CreateUserAsync(Roles.Customer);
        var wrong = await app.CreateUserAsync(Roles.Customer);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FrontdeskUser>>();
            var l = (await users.FindByEmailAsync(locked.Email))!;
            await users.SetLockoutEndDateAsync(l, DateTimeOffset.MaxValue);
            var i = (await users.FindByEmailAsync(inactive.Email))!;
            i.IsActive = false;
            await users.UpdateAsync(i);
        }
        foreach (var email in new[] { $"unknown-{Guid.NewGuid():N}@example.com", inactive.Email, locked.Email, wrong.Email })
        {
            var before = app.Hasher.Work;
            var response = await TokenAsync(Address(), email, FrontdeskApp.Password + "x");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, email);
            (app.Hasher.Work - before).ShouldBe(1, email);
        }
        // The locked account's right password is refused the same way.
        (await TokenAsync(Address(), locked.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_write_the_typed_password_into_the_page()
    {
        var user = await app.CreateUserAsync(Roles.Customer);
        const string Typed = "Sup3r-secret-typed-value";
        var response = await app.Browser(Address()).PostSignInAsync(user.Email, Typed);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("The e-mail or password is wrong");
        page.ShouldNotContain(Typed);
    }

    [Fact]
    public async Task After_sign_out_a_copied_cookie_no_longer_works()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        var browser = app.Browser(Address());
        var signedIn = await browser.PostSignInAsync(user.Email, FrontdeskApp.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("frontdesk=", StringComparison.Ordinal)).Split(';')[0];

        var thief = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        (await thief.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await browser.GetStringAsync("/tickets");
        var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(WebSignIn.HiddenInputs(page)));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await thief.GetAsync("/tickets");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/signin");
    }

    [Fact]
    public async Task A_person_sees_their_sessions_and_ends_another_one()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        var laptop = app.Browser(Address());
        var kiosk = app.Browser(Address());
        (await laptop.PostSignInAsync(user.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await kiosk.PostSignInAsync(user.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var list = await laptop.GetStringAsync("/account/sessions");
        var ends = System.Text.RegularExpressions.Regex.Matches(list, "action=\"/account/sessions/(\\d+)/end\"").Select(m => m.Groups[1].Value).ToList();
        ends.Count.ShouldBe(2, list);
        list.ShouldContain("This browser");

        // The kiosk's session is the one not marked as this browser: end it from the laptop.
        var current = System.Text.RegularExpressions.Regex.Match(list, "This browser.*?/account/sessions/(\\d+)/end", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var other = ends.Single(id => id != current);
        var ended = await laptop.PostAsync($"/account/sessions/{other}/end", new FormUrlEncodedContent(WebSignIn.HiddenInputs(list)));
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await kiosk.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await laptop.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Nobody ends someone else's session: the other person's laptop stays signed in.
        var stranger = app.Browser(Address());
        var strangerUser = await app.CreateUserAsync(Roles.Agent);
        (await stranger.PostSignInAsync(strangerUser.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var strangerPage = await stranger.GetStringAsync("/account/sessions");
        await stranger.PostAsync($"/account/sessions/{current}/end", new FormUrlEncodedContent(WebSignIn.HiddenInputs(strangerPage)));
        (await laptop.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_non_ascii_return_url_and_a_sign_out_without_its_token_are_handled_not_500()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        var browser = app.Browser(Address());
        var signedIn = await browser.PostSignInAsync(user.Email, FrontdeskApp.Password, "/tickets?q=Drucker äöü €");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Headers.Location!.AbsoluteUri.ShouldEndWith("/tickets?q=Drucker%20%C3%A4%C3%B6%C3%BC%20%E2%82%AC");

        // Never another site, however the path is dressed up.
        foreach (var evil in new[] { "//evil.example/x", "/\\evil.example", "/.//evil.example", "/a/..//evil.example", "https://evil.example" })
        {
            var someone = await app.CreateUserAsync(Roles.Customer); // a fresh account: each has its own few attempts a minute here
            var answer = await app.Browser(Address()).PostSignInAsync(someone.Email, FrontdeskApp.Password, evil);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, evil);
            answer.Headers.Location!.Host.ShouldBe("localhost", evil);
        }

        var signOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signOut.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await browser.GetAsync("/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK); // still signed in
    }
}
