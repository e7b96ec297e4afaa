using Frontdesk.Tickets.Domain;

namespace Frontdesk.Tickets;

/// <summary>The <c>Frontdesk:Tickets</c> section.</summary>
internal sealed class TicketOptions
{
    public const string Section = "Frontdesk:Tickets";

    /// <summary>
    /// Within how many hours a ticket of each priority gets its first answer: the time the
    /// acknowledgement promises ({{first answer by}}). Calendar hours; business hours come with SLAs.
    /// </summary>
    public Dictionary<Priority, int> FirstAnswerHours { get; set; } = new()
    {
        [Priority.Critical] = 1,
        [Priority.High] = 4,
        [Priority.Medium] = 8,
        [Priority.Low] = 24,
        [Priority.Planning] = 72,
    };
}

/// <summary>The <c>Frontdesk:Attachments</c> section.</summary>
internal sealed class AttachmentOptions
{
    public const string Section = "Frontdesk:Attachments";

    /// <summary>Largest accepted upload in bytes (default 25 MB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
