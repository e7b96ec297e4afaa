using Frontdesk.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Frontdesk.Web.Components.Agent;

/// <summary>
/// An open console checks every minute that its sign-in session is still open (not signed out,
/// ended from another browser, or the account deactivated). When it is not, the console's pages
/// see an anonymous user and send the browser to the sign-in page.
/// </summary>
internal sealed class ConsoleAuthentication(ILoggerFactory logs, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInSessions>().IsOpenAsync(state.User, ct);
    }
}
