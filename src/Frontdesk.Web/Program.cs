using Frontdesk.Database;
using Frontdesk;
using Frontdesk.Common.Http;
using Frontdesk.Common.Startup;
using Frontdesk.Web;
using Frontdesk.Web.Components;

try
{
    // No config file watching: the watcher covers the whole content root, where the default data
    // directory lives, so every SQLite write would wake it. Restart to apply configuration changes.
    var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
    if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");
    // Data Protection warns on every fresh key that it is stored unencrypted: the keys live in
    // Frontdesk's database on purpose (every node shares them); the README says how to protect it.
    builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
    var settings = FrontdeskModules.ReadSettings(builder.Configuration);
    builder.Services.AddFrontdesk(builder.Configuration, settings);
    builder.Services.AddFrontdeskWeb();

    var app = builder.Build();
    var demo = await DatabaseInitializer.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);

    app.UseSecurityHeaders();
    app.UseErrorAnswers();
    app.UseApiHead();
    app.UseNoNulInApiQueries();
    app.UseRouting();
    app.UseApiNoMatch();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapStaticAssets().AllowAnonymous();
    app.MapFrontdeskOperations();
    app.MapFrontdeskApi();
    app.MapWebEndpoints();
    // Our security headers already forbid framing (frame-ancestors 'none'): no second policy header.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, settings, demo));
    await app.RunAsync();
    return 0;
}
catch (StartupProblemException e)
{
    await Console.Error.WriteLineAsync($"Frontdesk cannot start: {e.Message}");
    return 2;
}
