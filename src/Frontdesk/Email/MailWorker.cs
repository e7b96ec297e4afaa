using Frontdesk.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email;

/// <summary>
/// A background loop that does a round of mail work every second, or at once when woken. A
/// failed round is logged and tried again at the next tick: nothing here stops for good.
/// </summary>
public abstract class MailWorker(IOptions<FrontdeskOptions> options, NodeIdentity node, ILogger log) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This node's name in leases: unique per process run.</summary>
    protected string Node { get; } = node.Instance;

    /// <summary>What the lease owner of this node's earlier run starts with: such a lease is ours to take back at once.</summary>
    protected string EarlierRun { get; } = node.EarlierRunPrefix;

    protected FrontdeskOptions Options => options.Value;

    /// <summary>Do a round now instead of at the next tick.</summary>
    public void Wake() => _wake.Release();

    protected abstract Task RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Email.Enabled) return;
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
