using Frontdesk.Tickets.Messages;

namespace Frontdesk.UnitTests;

public sealed class QuotedTextTests
{
    [Fact]
    public void A_gmail_reply_folds_the_history_under_its_attribution_line()
    {
        var (fresh, quoted) = QuotedText.Split("It works now.\n\nOn Mon, 3 Nov 2026 at 09:12, Service Desk <support@desk.test> wrote:\n> Please restart.\n> Thanks");
        fresh.ShouldBe("It works now.");
        quoted.ShouldStartWith("On Mon, 3 Nov 2026");
        quoted.ShouldContain("> Please restart.");
    }

    [Fact]
    public void An_outlook_reply_folds_at_the_original_message_separator()
    {
        var (fresh, quoted) = QuotedText.Split("Danke!\r\n\r\n-----Ursprüngliche Nachricht-----\r\nVon: Service Desk\r\nBetreff: [#12] VPN");
        fresh.ShouldBe("Danke!");
        quoted.ShouldStartWith("-----Ursprüngliche Nachricht-----");
    }

    [Fact]
    public void Quotes_inside_the_text_are_kept_when_the_sender_answers_below_them()
    {
        const string body = "See below.\n> Is the VPN on?\nYes, it is on.";
        QuotedText.Split(body).ShouldBe((body, null));
    }

    [Fact]
    public void A_mail_that_is_only_a_quote_is_not_folded_away()
    {
        const string body = "On Mon, 3 Nov 2026, Ana wrote:\n> hello";
        QuotedText.Split(body).ShouldBe((body, null));
    }

    [Fact]
    public async Task A_long_quoted_history_ending_in_a_plain_line_is_split_in_one_pass()
    {
        // 60,000 quoted lines and one answer below them: rescanning the rest for every line
        // (the old splitter) took minutes here; one pass takes milliseconds. The deadline is
        // a hundred times the linear cost, so only a quadratic splitter misses it.
        var body = "Top\n" + string.Concat(Enumerable.Repeat("> an old line of the thread\n", 60_000)) + "my answer below";
        var split = await Task.Run(() => QuotedText.Split(body)).WaitAsync(TimeSpan.FromSeconds(10));
        split.ShouldBe((body, null));
    }
}
