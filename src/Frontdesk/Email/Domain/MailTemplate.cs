namespace Frontdesk.Email.Domain;

/// <summary>The mails Frontdesk writes by itself; each has a built-in text an admin may replace.</summary>
internal enum MailTemplateKind
{
    /// <summary>"We have your request #12345" to a new ticket's requester.</summary>
    Acknowledgement,

    /// <summary>The lines under every agent reply sent by mail.</summary>
    ReplyFooter,

    /// <summary>"We have resolved your request".</summary>
    Resolved,

    /// <summary>"We are waiting for your answer" to the requester of a ticket left pending.</summary>
    Reminder,
}

/// <summary>An admin's text for one <see cref="MailTemplateKind"/>, replacing the built-in one.</summary>
internal sealed class MailTemplate
{
    public MailTemplateKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>Optional HTML version; placeholders are HTML-encoded in it.</summary>
    public string? Html { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
