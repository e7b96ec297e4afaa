namespace Frontdesk.Identity.Domain;

/// <summary>
/// One browser's signed-in session. The cookie names it, and every request checks it is still
/// open, so signing out (or ending it from another browser) ends it on the server: a copied
/// cookie is worth nothing afterwards.
/// </summary>
internal sealed class SignInSession
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The browser, as its User-Agent says, so a person recognises their sessions.</summary>
    public string? Client { get; set; }

    /// <summary>The network address it signed in from.</summary>
    public string? Address { get; set; }
}
