using Frontdesk.Common.Http;
using Frontdesk.Tickets.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Frontdesk.Web.Components.Agent;

/// <summary>
/// What console components share: the signed-in agent from the authentication state (not from
/// HttpContext, which a circuit does not have), and a fresh service scope for each piece of work.
/// A circuit lives for hours and its events may overlap, so nothing holds one database context
/// for the circuit's life.
/// </summary>
public abstract class ConsoleComponent : ComponentBase, IDisposable
{
    [Inject] private IServiceScopeFactory Scopes { get; init; } = null!;

    [Inject] private TicketNotifier Notifier { get; init; } = null!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>Cancelled when the component goes away: pending work stops with it.</summary>
    protected CancellationToken Closed => _closed.Token;

    private readonly CancellationTokenSource _closed = new();
    private Caller? _caller;
    private IDisposable? _following;
    private int _pending;

    /// <summary>The agent this console belongs to.</summary>
    private protected async Task<Caller> CallerAsync() =>
        _caller ??= Caller.From((await Authentication).User) ?? throw new InvalidOperationException("The console needs a signed-in agent.");

    /// <summary>Runs <paramref name="work"/> with <typeparamref name="TService"/> from a scope of its own.</summary>
    private protected async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private protected async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> in the component's context after tickets change on any
    /// node (only <paramref name="ticket"/> when given): once per burst, <paramref name="after"/>
    /// after its first change, so a bulk edit or a mail with ten files is one reload.
    /// </summary>
    private protected async Task FollowAsync(long? ticket, TimeSpan after, Func<Task> onChange)
    {
        _following?.Dispose();
        _following = Notifier.Subscribe(await CallerAsync(), ticket, sharedOrganization: null, OnSignal);
        void OnSignal(TicketSignal signal) => _ = SoonAsync(after, onChange);
    }

    private async Task SoonAsync(TimeSpan after, Func<Task> onChange)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        try
        {
            await Task.Delay(after, Closed);
            Interlocked.Exchange(ref _pending, 0);
            await InvokeAsync(async () =>
            {
                await onChange();
                StateHasChanged();
            });
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page was closed meanwhile.
        }
    }

    public void Dispose()
    {
        _following?.Dispose();
        _closed.Cancel();
        Dispose(true);
        _closed.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
