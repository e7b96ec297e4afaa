using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// The built-in mail texts, which admins may replace (<see cref="MailTemplate"/>). Placeholders are
/// replaced literally ({{first name}}, {{name}}, {{number}}, {{subject}}): no expressions, so text a
/// customer wrote (a subject with "{{7*7}}") is printed as it is, never evaluated.
/// </summary>
internal static partial class MailTemplates
{
    public const string Acknowledgement =
        """
        Hello {{first name}},

        we have your request #{{number}}: "{{subject}}".
        Someone from the service desk will answer you by mail. To add anything, reply to this mail
        and keep [#{{number}}] in the subject.

        Your service desk
        """;

    public const string Resolved =
        """
        Hello {{first name}},

        we have resolved your request #{{number}}: "{{subject}}".
        If the problem is not solved, reply to this mail and the ticket opens again.

        Your service desk
        """;

    public const string ReplyFooter =
        """


        --
        Reply to this mail to answer; keep [#{{number}}] in the subject.
        """;

    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{{first name}}", "{{name}}", "{{number}}", "{{subject}}"];

    public static string Default(MailTemplateKind kind) => kind switch
    {
        MailTemplateKind.Acknowledgement => Acknowledgement,
        MailTemplateKind.ReplyFooter => ReplyFooter,
        _ => Resolved,
    };

    /// <summary>Placeholders in <paramref name="template"/> that do not exist ("{{7*7}}", "{{password}}").</summary>
    public static IReadOnlyList<string> Unknown(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    /// <summary>Fills the placeholders once, left to right: a value that contains a placeholder is not expanded again.</summary>
    public static string Render(string template, Person person, Ticket ticket, bool html = false)
    {
        var first = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? person.Name;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{first name}}"] = first,
            ["{{name}}"] = person.Name,
            ["{{number}}"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{{subject}}"] = ticket.Subject,
        };
        return PlaceholderPattern().Replace(template, m =>
            values.TryGetValue(m.Value, out var value) ? (html ? System.Net.WebUtility.HtmlEncode(value) : value) : m.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{[^{}]{1,40}\}\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex PlaceholderPattern();
}
