using System.Diagnostics;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>Polls with a deadline instead of sleeping: background work (the mailbox poller) finishes when it finishes.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (value is not null && (value is not bool b || b)) return value;
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30))) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
