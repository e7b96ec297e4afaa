using Frontdesk.Common;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// The built-in mail texts, which admins may replace (<see cref="MailTemplate"/>). Placeholders are
/// replaced literally ({{first name}}, {{name}}, {{number}}, {{tag}}, {{subject}}, {{first answer by}}): no expressions, so text a
/// customer wrote (a subject with "{{7*7}}") is printed as it is, never evaluated.
/// </summary>
internal static partial class MailTemplates
{
    public const string Acknowledgement =
        """
        Hello {{first name}},

        we have your request #{{number}}: "{{subject}}".
        Someone from the service desk will answer you by mail by {{first answer by}}.
        To add anything, reply to this mail and keep {{tag}} in the subject.

        Your service desk
        """;

    public const string Resolved =
        """
        Hello {{first name}},

        we have resolved your request #{{number}}: "{{subject}}".
        If the problem is not solved, reply to this mail and the ticket opens again.

        Your service desk
        """;

    public const string Reminder =
        """
        Hello {{first name}},

        we are waiting for your answer on your request #{{number}}: "{{subject}}".
        Reply to this mail (keep {{tag}} in the subject) and we carry on. If you no longer
        need help, a short "solved" is enough.

        Your service desk
        """;

    public const string ReplyFooter =
        """


        --
        Reply to this mail to answer; keep {{tag}} in the subject.
        """;

    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{{first name}}", "{{name}}", "{{number}}", "{{tag}}", "{{subject}}", "{{first answer by}}"];

    public static string Default(MailTemplateKind kind) => kind switch
    {
        MailTemplateKind.Acknowledgement => Acknowledgement,
        MailTemplateKind.ReplyFooter => ReplyFooter,
        MailTemplateKind.Reminder => Reminder,
        _ => Resolved,
    };

    /// <summary>Placeholders in <paramref name="template"/> that do not exist ("{{7*7}}", "{{password}}").</summary>
    public static IReadOnlyList<string> Unknown(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    /// <summary>Fills the placeholders once, left to right: a value that contains a placeholder is not expanded again.</summary>
    /// <param name="answerBy">When the first answer is due; shown in the person's time zone.</param>
    /// <param name="tag">The ticket's subject tag ("[#12345]").</param>
    public static string Render(string template, Person person, Ticket ticket, DateTimeOffset answerBy, string tag, bool html = false)
    {
        var first = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? person.Name;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{first name}}"] = first,
            ["{{name}}"] = person.Name,
            ["{{number}}"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{{tag}}"] = tag,
            ["{{subject}}"] = ticket.Subject,
            ["{{first answer by}}"] = InZone(answerBy, person.TimeZone),
        };
        return PlaceholderPattern().Replace(template, m =>
            values.TryGetValue(m.Value, out var value) ? (html ? System.Net.WebUtility.HtmlEncode(value) : value) : m.Value);
    }

    /// <summary>"Wednesday 25 November 2026, 16:30 (Europe/Berlin)": the person's own clock, with the zone named.</summary>
    public static string InZone(DateTimeOffset at, string timeZone)
    {
        var zone = TimeZones.Find(timeZone) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("dddd d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)})";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{[^{}]{1,40}\}\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex PlaceholderPattern();
}
