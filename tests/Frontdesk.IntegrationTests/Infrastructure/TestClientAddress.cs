using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no client address; this lets a test say which one a request
/// comes from (header <see cref="Header"/>), so limits per client can be tested from one process.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            await nextMiddleware(http);
        });
        next(app);
    };
}
