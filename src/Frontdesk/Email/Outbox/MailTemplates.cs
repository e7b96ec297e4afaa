using Frontdesk.Directory.Domain;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// The built-in mail texts. Placeholders are replaced literally ({{first name}}, {{number}},
/// {{subject}}, {{name}}): no expressions, so text a customer wrote (a subject with "{{7*7}}")
/// is printed as it is, never evaluated.
/// </summary>
internal static class MailTemplates
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

    public static string Render(string template, Person person, Ticket ticket)
    {
        var first = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? person.Name;
        // One pass over the template: a value that contains a placeholder is not expanded again.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{first name}}"] = first,
            ["{{name}}"] = person.Name,
            ["{{number}}"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{{subject}}"] = ticket.Subject,
        };
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var match = values.Keys.FirstOrDefault(k => string.CompareOrdinal(template, i, k, 0, k.Length) == 0);
            if (match is null)
            {
                result.Append(template[i]);
                i++;
                continue;
            }
            result.Append(values[match]);
            i += match.Length;
        }
        return result.ToString();
    }
}
