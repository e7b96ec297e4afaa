using Frontdesk.Common.Http;
using Frontdesk.Common.Startup;
using Frontdesk.Common.Text;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.Search;

namespace Frontdesk.UnitTests;

public sealed class PlumbingTests
{
    [Theory]
    [InlineData("Host=db;Database=frontdesk;Username=u;Password=p", StartupSettings.MaxAutoPrepare)]
    [InlineData("Host=db;Database=frontdesk;Username=u;Password=p;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=frontdesk;Username=u;Password=p;maxautoprepare=7", 7)]
    public void PostgreSQL_statements_are_prepared_unless_the_connection_string_says_otherwise(string given, int expected)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(StartupSettings.WithPreparedStatements(given));
        builder.MaxAutoPrepare.ShouldBe(expected);
        builder.Password.ShouldBe("p");
        builder.Host.ShouldBe("db");
    }

    [Fact]
    public void Inline_images_point_at_their_attachments_and_unknown_ones_lose_their_source()
    {
        var html = """<p>See <img src="cid:shot%401.png" alt="a"> and <img src='cid:missing' alt="b"> and <img src="cid:&lt;x&gt;"></p>""";
        var linked = new HtmlCleaner().Clean(html, new Dictionary<string, string> { ["shot@1.png"] = "/tickets/7/attachments/3", ["x"] = "/tickets/7/attachments/4" });
        linked.ShouldContain("""<img src="/tickets/7/attachments/3" alt="a">""");
        linked.ShouldContain("""<img alt="b">""");
        linked.ShouldContain("""<img src="/tickets/7/attachments/4">""");
        linked.ShouldNotContain("cid:");
        // Text or an attribute that merely looks like a source stays text: nothing new reaches an element.
        var safe = new HtmlCleaner().Clean("""<a title="src='cid:">x</a>'" onclick=alert(1) x=" """, new Dictionary<string, string>());
        safe.ShouldContain("onclick=alert(1)"); // still there, as harmless text
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(safe).QuerySelectorAll("[onclick]").Length.ShouldBe(0);
    }

    [Fact]
    public void A_cursor_round_trips_and_garbage_is_rejected()
    {
        var cursor = new Cursor(1_764_000_000_123_456, 42);
        Cursor.TryDecode(cursor.Encode(), out var back).ShouldBeTrue();
        back.ShouldBe(cursor);
        Cursor.TryDecode("not a cursor!", out _).ShouldBeFalse();
        Cursor.TryDecode(new string('A', 500), out _).ShouldBeFalse();
    }

    [Fact]
    public void Html_from_outside_loses_scripts_handlers_and_remote_images()
    {
        var clean = new HtmlCleaner().Clean(
            """<p onclick="steal()">Hi<script>alert(1)</script><img src="https://tracker.example/pixel.gif"><img src="cid:logo"><a href="javascript:evil()">x</a></p>""");
        clean.ShouldNotContain("script");
        clean.ShouldNotContain("onclick");
        clean.ShouldNotContain("tracker.example");
        clean.ShouldNotContain("javascript:");
        clean.ShouldContain("cid:logo");
        clean.ShouldContain("Hi");
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\win.ini", "win.ini")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("", "attachment")]
    [InlineData("report \"final\".pdf", "report final.pdf")]
    public void Attachment_names_cannot_point_outside_or_break_headers(string given, string expected) =>
        AttachmentHandlers.SafeFileName(given).ShouldBe(expected);

    [Fact]
    public void Search_words_drop_query_operators()
    {
        SearchTerms.Words("printer \"jam\" OR (NEAR*) -x ünïcödé").Select(w => w.Text).ShouldBe(["printer", "jam", "OR", "NEAR", "x", "ünïcödé"]);
        SearchTerms.Words("'; DROP TABLE Tickets; --").Select(w => w.Text).ShouldBe(["DROP", "TABLE", "Tickets"]);
    }

    [Fact]
    public void Search_words_match_as_a_prefix_only_when_asked_and_long_enough()
    {
        SearchTerms.Words("print* jam vp* x*y").ShouldBe([
            new SearchWord("print", true), new SearchWord("jam", false), new SearchWord("vp", false),
            new SearchWord("x", false), new SearchWord("y", false)]);
    }

    [Fact]
    public void Enum_values_are_read_in_any_case_and_with_dashes()
    {
        var errors = new Errors();
        errors.Enum<Frontdesk.Tickets.Domain.Channel>("channel", "walk-in").ShouldBe(Frontdesk.Tickets.Domain.Channel.WalkIn);
        errors.Enum<Frontdesk.Tickets.Domain.Channel>("channel", "WALKIN").ShouldBe(Frontdesk.Tickets.Domain.Channel.WalkIn);
        errors.Any.ShouldBeFalse();
        errors.Enum<Frontdesk.Tickets.Domain.Channel>("channel", "3").ShouldBeNull();
        errors.ToDictionary()["channel"][0].ShouldContain("walk-in");
    }
}
