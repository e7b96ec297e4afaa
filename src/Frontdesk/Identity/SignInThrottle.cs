using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Frontdesk.Identity;

/// <summary>
/// One limiter for every way to prove a password (the sign-in form, API tokens, and later magic
/// links, resets and OIDC callbacks): so many attempts per client address and minute, and so many
/// per account and minute from anywhere. A path that checks a password asks here first.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _accounts;

    public SignInThrottle(IConfiguration configuration)
    {
        _clients = Limiter(configuration.GetValue("Frontdesk:Security:SignInAttemptsPerMinute", 20));
        _accounts = Limiter(configuration.GetValue("Frontdesk:Security:SignInAttemptsPerAccountPerMinute", 10));
    }

    /// <summary>Takes one attempt for the client and the account; false when either has used up its minute.</summary>
    public bool TryAttempt(System.Net.IPAddress? clientAddress, string? account)
    {
        using var client = _clients.AttemptAcquire(ClientKey(clientAddress));
        if (!client.IsAcquired) return false;
        // As Identity normalizes addresses for look-ups: one account, however its address is typed.
        using var perAccount = _accounts.AttemptAcquire((account ?? "").Trim().Normalize().ToUpperInvariant());
        return perAccount.IsAcquired;
    }

    /// <summary>An IPv4 address, or an IPv6 address's /64 network: one IPv6 client holds a whole /64 and could walk it.</summary>
    internal static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        _clients.Dispose();
        _accounts.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int perMinute) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));
}
