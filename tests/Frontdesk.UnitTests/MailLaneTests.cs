using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;

namespace Frontdesk.UnitTests;

public sealed class MailLaneTests
{
    private static TakenMail Taken(long id, string? from, string? messageId, string[] references, string? subject = null) =>
        new(new InboundMail { Id = id, FromAddress = from, MessageId = messageId, Subject = subject, RawSha256 = "x" }, references);

    [Fact]
    public void Mails_that_may_touch_the_same_ticket_share_a_lane()
    {
        // Requester and a copied colleague both answer the agent's reply (not in this chunk).
        var requester = Taken(1, "req@x.test", "r@x", ["agent-reply@desk"]);
        var colleague = Taken(2, "col@x.test", "c@x", ["agent-reply@desk"]);
        // Two people write on ticket 77 by its tag; one with the desk's own prefix.
        var byTag = Taken(3, "p@x.test", "p@x", [], "Re: [#77] Printer");
        var byOwnTag = Taken(4, "q@x.test", "q@x", [], "AW: [Ticket#77] Printer");
        // The same mail twice (a direct copy and a list copy with another From).
        var direct = Taken(5, "s@x.test", "same@x", []);
        var viaList = Taken(6, "list@x.test", "same@x", []);
        var alone = Taken(7, "z@x.test", "z@x", [], "[#78] Other");

        var lanes = TakenMail.Lanes([requester, colleague, byTag, byOwnTag, direct, viaList, alone], "Ticket#");

        lanes.Select(l => l.Select(m => m.Id).ToList()).ShouldBe([[1, 2], [3, 4], [5, 6], [7]], ignoreOrder: true);
    }

    [Fact]
    public void A_senders_mails_and_mails_that_answer_each_other_share_a_lane_in_their_order()
    {
        var a1 = Taken(1, "a@x.test", "a1@x", []);
        var b1 = Taken(2, "b@x.test", "b1@x", []);
        var a2 = Taken(3, "A@x.test", "a2@x", []);
        var c1 = Taken(4, "c@x.test", "c1@x", ["b1@x"]);
        var d1 = Taken(5, "d@x.test", "d1@x", ["unknown@elsewhere"]);
        var c2 = Taken(6, "e@x.test", "e1@x", ["c1@x"]);
        var nobody1 = Taken(7, null, null, []);
        var nobody2 = Taken(8, null, null, []);

        var lanes = TakenMail.Lanes([a1, b1, a2, c1, d1, c2, nobody1, nobody2]);

        lanes.Select(l => l.Select(m => m.Id).ToList()).ShouldBe([[1, 3], [2, 4, 6], [5], [7, 8]], ignoreOrder: true);
    }
}

public sealed class MailTemplateTimeTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Wednesday 25 November 2026, 16:30 (Europe/Berlin)")]
    [InlineData("America/Chicago", "Wednesday 25 November 2026, 09:30 (America/Chicago)")]
    [InlineData("Asia/Tokyo", "Thursday 26 November 2026, 00:30 (Asia/Tokyo)")]
    [InlineData("Not/AZone", "Wednesday 25 November 2026, 15:30 (UTC)")]
    public void A_promised_time_is_shown_on_the_persons_own_clock(string zone, string expected) =>
        Frontdesk.Email.Outbox.MailTemplates.InZone(new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero), zone).ShouldBe(expected);
}
