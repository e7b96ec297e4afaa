using System.Net;
using Frontdesk.Common.Text;
using Frontdesk.Identity;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Messages;

namespace Frontdesk.UnitTests;

public sealed class HostileInputUnitTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_counted_by_its_address_or_its_IPv6_network(string address, string key) =>
        SignInThrottle.ClientKey(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public void Bidirectional_controls_and_NULs_are_taken_out_of_text_from_outside()
    {
        AttachmentHandlers.SafeFileName("invoice\u202Efdp.exe").ShouldBe("invoicefdp.exe");
        AttachmentHandlers.SafeFileName("\u2067report\u2069.pdf").ShouldBe("report.pdf");
        AttachmentHandlers.SafeFileName("plain.txt").ShouldBe("plain.txt");
        Clip.To("a\0b\0c", 2).ShouldBe("ab");
    }

    [Fact]
    public void A_message_is_rendered_once_per_audience_not_on_every_view()
    {
        using var rendering = new MessageRendering(new HtmlCleaner());
        var message = new MessageDto(42, false, Channel.Email, null, "Fixed.\n\nOn Mon, 3 Nov 2026 at 09:12, Desk <d@x.test> wrote:\n> Restart", "<p>Fixed.</p>", DateTimeOffset.UnixEpoch);
        var first = rendering.Render(message, new Dictionary<string, string>(), forStaff: true);
        rendering.Render(message, new Dictionary<string, string>(), forStaff: true).ShouldBeSameAs(first);
        rendering.Render(message, new Dictionary<string, string>(), forStaff: false).ShouldNotBeSameAs(first);
        first.Fresh.ShouldBe("Fixed.");
        first.Quoted!.ShouldStartWith("On Mon");
        first.Html.ShouldBe("<p>Fixed.</p>");
    }
}
