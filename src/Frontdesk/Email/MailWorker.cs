using Frontdesk.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email;

/// <summary>
/// A background loop that does a round of mail work every second, or at once when woken. A
/// failed round is logged and tried again at the next tick: nothing here stops for good.
/// </summary>
internal abstract class MailWorker(IOptions<EmailOptions> options, NodeIdentity node, ILogger log) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This node's name in leases: unique per process run.</summary>
    protected string Node { get; } = node.Instance;

    /// <summary>
    /// Frees the leases this node's earlier run still held (it was killed, say), once, when the
    /// worker starts: the restarted node carries on at once instead of waiting for them to run out.
    /// Only at start, so two live processes that were wrongly given one name do not keep taking
    /// each other's leases.
    /// </summary>
    protected virtual Task TakeBackEarlierLeasesAsync(string earlierRun, CancellationToken ct) => Task.CompletedTask;

    protected EmailOptions Options => options.Value;

    /// <summary>Do a round now instead of at the next tick.</summary>
    public void Wake() => _wake.Release();

    protected abstract Task RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled) return;
        try
        {
            await TakeBackEarlierLeasesAsync(node.EarlierRunPrefix, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "{Worker} could not free its earlier run's leases; they run out by themselves", GetType().Name);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Worker} failed; trying again shortly", GetType().Name);
            }
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
