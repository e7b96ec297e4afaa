using MimeKit;

namespace Frontdesk.Email.Intake;

/// <summary>What a bounce says: who could not be reached, why, and which of our mails it was.</summary>
internal sealed record DeliveryReport(IReadOnlyList<string> FailedRecipients, IReadOnlyList<string> OriginalMessageIds, string Summary)
{
    public static DeliveryReport Read(MimeMessage message)
    {
        var failed = new List<string>();
        var reasons = new List<string>();
        foreach (var status in message.BodyParts.OfType<MessageDeliveryStatus>())
        {
            foreach (var group in status.StatusGroups.Skip(1))
            {
                var action = group["Action"]?.Trim();
                if (action is not null && !action.StartsWith("failed", StringComparison.OrdinalIgnoreCase)) continue;
                var recipient = Address(group["Final-Recipient"] ?? group["Original-Recipient"]);
                if (recipient is not null) failed.Add(recipient);
                reasons.Add($"{recipient ?? "a recipient"}: {group["Status"]?.Trim()} {group["Diagnostic-Code"]?.Trim()}".Trim());
            }
        }
        var ids = new List<string>();
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } original } && original.MessageId is { } id) ids.Add(id);
            if (part is TextPart text && text.ContentType.IsMimeType("text", "rfc822-headers"))
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.Text + "\r\n\r\n"));
                try
                {
                    if (HeaderList.Load(stream)[HeaderId.MessageId] is { } raw) ids.Add(raw.Trim().Trim('<', '>'));
                }
                catch (FormatException)
                {
                    // Headers that are not headers name no mail of ours.
                }
            }
        }
        ids.AddRange(message.References);
        if (message.InReplyTo is { } inReplyTo) ids.Add(inReplyTo);
        var summary = reasons.Count > 0 ? string.Join("; ", reasons) : (message.Subject ?? "delivery failed");
        return new DeliveryReport(failed.Where(Directory.PeopleDirectory.IsValidEmail).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            MailClassifier.UsableIds(ids), summary);
    }

    /// <summary>"rfc822; nobody@example.org" → "nobody@example.org".</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var value = field.Contains(';', StringComparison.Ordinal) ? field[(field.IndexOf(';', StringComparison.Ordinal) + 1)..] : field;
        value = value.Trim().Trim('<', '>');
        return value.Contains('@', StringComparison.Ordinal) ? value.ToLowerInvariant() : null;
    }
}
