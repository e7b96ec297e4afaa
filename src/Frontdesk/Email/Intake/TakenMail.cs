using Frontdesk.Email.Domain;

namespace Frontdesk.Email.Intake;

/// <summary>A mail just taken from a mailbox (stored, not tracked) and what deciding its processing lane needs.</summary>
/// <param name="References">The Message-IDs it answers (In-Reply-To and References).</param>
internal sealed record TakenMail(InboundMail Mail, IReadOnlyList<string> References)
{
    public long Id => Mail.Id;
    public string? From => Mail.FromAddress;
    public string? MessageId => Mail.MessageId;

    /// <summary>
    /// Splits mails (in UID order) into lanes that may run side by side: mails from one sender,
    /// and mails that answer one another, end up in one lane, in their original order.
    /// </summary>
    public static List<List<TakenMail>> Lanes(IReadOnlyList<TakenMail> mails)
    {
        var parent = Enumerable.Range(0, mails.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Join(int a, int b) => parent[Find(a)] = Find(b);

        var bySender = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byMessageId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mails.Count; i++)
        {
            // Mails with no readable sender share one lane.
            var sender = mails[i].From ?? "";
            if (bySender.TryGetValue(sender, out var same)) Join(i, same);
            else bySender[sender] = i;
            if (mails[i].MessageId is { Length: > 0 } id) byMessageId.TryAdd(id, i);
        }
        for (var i = 0; i < mails.Count; i++)
        {
            foreach (var answered in mails[i].References)
            {
                if (byMessageId.TryGetValue(answered, out var j)) Join(i, j);
            }
        }
        return Enumerable.Range(0, mails.Count).GroupBy(Find).Select(g => g.Select(i => mails[i]).ToList()).ToList();
    }
}
