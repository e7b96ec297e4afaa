namespace Frontdesk.Common.Text;

/// <summary>
/// How much of each kind of input Frontdesk takes, in one place (<c>docs/limits.md</c> lists them
/// all). Checks name these constants instead of numbers of their own, so a limit is changed once.
/// </summary>
internal static class Limits
{
    /// <summary>A ticket's subject: one line.</summary>
    public const int Subject = 300;

    /// <summary>The plain text of a message (characters).</summary>
    public const int Body = 200_000;

    /// <summary>The HTML of a message (characters); sanitizing costs time per element, so elements are limited too.</summary>
    public const int BodyHtml = 200_000;

    /// <summary>Elements (tags) in the HTML of a message; more is refused from the API and dropped (text kept) from mail.</summary>
    public const int BodyHtmlElements = 5_000;

    /// <summary>A person's name.</summary>
    public const int PersonName = 200;

    /// <summary>The name of a thing people manage: an organization, a mail domain.</summary>
    public const int Name = 200;

    /// <summary>A short label: an API token's name, a team's name.</summary>
    public const int Label = 100;

    /// <summary>An e-mail address (RFC 5321 path limit).</summary>
    public const int Email = 320;

    /// <summary>A description of a thing people manage (a team).</summary>
    public const int Description = 1000;

    /// <summary>Items in a list given at once (team members).</summary>
    public const int ListItems = 1000;

    /// <summary>A reason or short note given with a change (a priority override).</summary>
    public const int Reason = 500;

    /// <summary>A file name: longer names are cut to this many characters.</summary>
    public const int FileName = 200;

    /// <summary>Search words in a list query.</summary>
    public const int Query = 500;

    /// <summary>Roughly how many elements some HTML has: its '&lt;' characters, counted without parsing it.</summary>
    public static int ElementsIn(string html) => html.AsSpan().Count('<');
}
