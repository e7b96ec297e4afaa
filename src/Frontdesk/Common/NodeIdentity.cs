using System.Security.Cryptography;
using System.Text;

namespace Frontdesk.Common;

/// <summary>
/// Who this node is in leases on shared work (a mailbox, an outbox mail). <see cref="Name"/> stays
/// the same when the node restarts (<c>Frontdesk__NodeName</c>, or the machine with a short hash
/// of its data directory and addresses); <see cref="Instance"/> is this process run. A restarted
/// node takes back the leases its previous run held at once, instead of waiting for them to run
/// out; another node waits for them to run out.
/// </summary>
internal sealed class NodeIdentity
{
    public NodeIdentity(string? configuredName, string dataDirectory, string? urls)
    {
        Name = string.IsNullOrWhiteSpace(configuredName)
            ? $"{Environment.MachineName}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{dataDirectory}|{urls}")))[..8]}"
            : configuredName.Trim();
        if (Name.Length > 150) Name = Name[..150];
        Instance = $"{Name}#{Guid.NewGuid():N}";
    }

    /// <summary>The node, the same across restarts.</summary>
    public string Name { get; }

    /// <summary>This run of the node: what leases record as their owner.</summary>
    public string Instance { get; }

    /// <summary>What an earlier run's lease owner starts with.</summary>
    public string EarlierRunPrefix => Name + "#";
}
