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
    /// Splits mails (in UID order) into lanes that may run side by side. Mails that may touch the
    /// same person or ticket end up in one lane, in their original order: mails from one sender,
    /// mails with the same Message-ID, mails that answer one another or the same earlier mail,
    /// and mails whose subjects carry the same ticket tag.
    /// </summary>
    public static List<List<TakenMail>> Lanes(IReadOnlyList<TakenMail> mails, string tagPrefix = MailClassifier.DefaultTagPrefix)
    {
        var parent = Enumerable.Range(0, mails.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Join(int a, int b) => parent[Find(a)] = Find(b);

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        void Key(string key, int i)
        {
            if (first.TryGetValue(key, out var other)) Join(i, other);
            else first[key] = i;
        }
        for (var i = 0; i < mails.Count; i++)
        {
            // Mails with no readable sender share one lane.
            Key("from:" + (mails[i].From ?? "").ToLowerInvariant(), i);
            // A mail and the mails that answer it, or answer the same earlier mail, share a key.
            if (mails[i].MessageId is { Length: > 0 } id) Key("id:" + id, i);
            foreach (var answered in mails[i].References) Key("id:" + answered, i);
            if (MailClassifier.TicketNumber(mails[i].Mail.Subject, tagPrefix) is { } number) Key("ticket:" + number, i);
        }
        return Enumerable.Range(0, mails.Count).GroupBy(Find).Select(g => g.Select(i => mails[i]).ToList()).ToList();
    }
}
