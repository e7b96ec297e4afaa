using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Frontdesk.Common.Broadcast;

/// <summary>
/// Short messages to every node of the desk, this one included: the one broadcast subscriber of a
/// node. A message is delivered here at once, and, when Redis is configured
/// (<c>Frontdesk__Redis__Configuration</c>), published to the other nodes, whose one subscription
/// per topic delivers it to their own subscribers. Without Redis a node is alone and hears only
/// itself. Delivery is at most once: a node that is away while a message passes misses it, so what
/// listens must be able to read the truth again from the database (live pages reload).
/// </summary>
internal sealed class NodeBroadcast : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<string>>> _local = new(StringComparer.Ordinal);
    private readonly ConnectionMultiplexer? _redis;
    private readonly string _me;
    private readonly ILogger<NodeBroadcast> _log;

    public NodeBroadcast(RedisConnection redis, NodeIdentity node, ILogger<NodeBroadcast> log)
    {
        _redis = redis.Multiplexer;
        _me = node.Instance;
        _log = log;
    }

    public void Publish(string topic, string message)
    {
        Deliver(topic, message);
        // While Redis is away the other nodes miss this; their pages catch up at their next change.
        if (_redis is not { IsConnected: true }) return;
        try
        {
            // Fire and forget: a change is committed whether or not Redis took the news.
            _redis.GetSubscriber().Publish(Channel(topic), $"{_me}\n{message}", CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            _log.LogWarning(e, "Could not publish on {Topic}", topic);
        }
    }

    /// <summary>Hears every message of <paramref name="topic"/>; dispose to stop. The handler must be quick and not throw.</summary>
    public IDisposable Subscribe(string topic, Action<string> onMessage)
    {
        var id = Guid.NewGuid();
        var handlers = _local.GetOrAdd(topic, t =>
        {
            // The first subscriber of a topic opens this node's one Redis subscription for it. Not
            // waited for: with Redis away the node starts alone, and the client subscribes again
            // whenever it reconnects.
            _redis?.GetSubscriber().Subscribe(Channel(t), (_, value) => FromRedis(t, value), CommandFlags.FireAndForget);
            return new ConcurrentDictionary<Guid, Action<string>>();
        });
        handlers[id] = onMessage;
        return new Unsubscriber(() => handlers.TryRemove(id, out _));
    }

    public void Dispose() => _redis?.GetSubscriber().UnsubscribeAll(CommandFlags.FireAndForget);

    private void FromRedis(string topic, RedisValue value)
    {
        var text = (string?)value ?? "";
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        // This node's own messages were delivered when they were published.
        if (split < 0 || text.AsSpan(0, split).SequenceEqual(_me)) return;
        Deliver(topic, text[(split + 1)..]);
    }

    private void Deliver(string topic, string message)
    {
        if (!_local.TryGetValue(topic, out var handlers)) return;
        foreach (var handler in handlers.Values)
        {
            try
            {
                handler(message);
            }
            catch (Exception e)
            {
                _log.LogError(e, "A subscriber of {Topic} failed", topic);
            }
        }
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal($"frontdesk:{topic}");

    private sealed class Unsubscriber(Action stop) : IDisposable
    {
        private Action? _stop = stop;

        public void Dispose() => Interlocked.Exchange(ref _stop, null)?.Invoke();
    }
}

/// <summary>This node's connection to Redis for the broadcast (the SignalR backplane keeps its own); none without Redis.</summary>
internal sealed class RedisConnection : IDisposable
{
    public RedisConnection(FrontdeskOptions options, ILogger<RedisConnection> log)
    {
        if (string.IsNullOrWhiteSpace(options.Redis.Configuration)) return;
        var config = ConfigurationOptions.Parse(options.Redis.Configuration);
        // Start and keep running while Redis is away; the multiplexer reconnects by itself.
        config.AbortOnConnectFail = false;
        config.ClientName ??= "frontdesk";
        Multiplexer = ConnectionMultiplexer.Connect(config);
        Multiplexer.ConnectionFailed += (_, e) => log.LogWarning("Redis connection lost ({Failure}); other nodes' changes do not reach this node's pages until it is back", e.FailureType);
        Multiplexer.ConnectionRestored += (_, _) => log.LogInformation("Redis connection restored");
        if (!Multiplexer.IsConnected) log.LogWarning("Redis at {Endpoints} does not answer yet; this node works alone until it does", string.Join(", ", config.EndPoints));
    }

    public ConnectionMultiplexer? Multiplexer { get; }

    public void Dispose() => Multiplexer?.Dispose();
}
