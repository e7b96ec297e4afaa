using Frontdesk.Tickets.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.UnitTests;

public sealed class TicketRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private static readonly IReadOnlyList<TicketStatus> Statuses = TicketStatus.Defaults();
    private static TicketStatus S(string name) => Statuses.Single(s => s.Name == name);

    private Ticket NewTicket(Impact impact = Impact.Medium, Urgency urgency = Urgency.Medium) =>
        Ticket.Open(new NewTicket("Printer jams", 7, null, Channel.Email, TicketType.Incident, impact, urgency, null, null, null, ["printer"]),
            S("New"), PriorityMatrix.Default, 7, _clock.GetUtcNow());

    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.Critical)]
    [InlineData(Impact.High, Urgency.Low, Priority.Medium)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.Medium)]
    [InlineData(Impact.Low, Urgency.High, Priority.Medium)]
    [InlineData(Impact.Low, Urgency.Low, Priority.Planning)]
    public void Priority_comes_from_the_ITIL_matrix(Impact impact, Urgency urgency, Priority expected) =>
        NewTicket(impact, urgency).Priority.ShouldBe(expected);

    [Fact]
    public void A_configured_cell_overrides_the_default_matrix()
    {
        var matrix = new PriorityMatrix([new PriorityMatrixCell { Impact = Impact.Low, Urgency = Urgency.High, Priority = Priority.High }]);
        matrix.PriorityFor(Impact.Low, Urgency.High).ShouldBe(Priority.High);
        matrix.PriorityFor(Impact.High, Urgency.High).ShouldBe(Priority.Critical);
    }

    [Fact]
    public void Overriding_the_priority_without_a_reason_is_refused()
    {
        var ticket = NewTicket();
        Should.Throw<TicketRuleException>(() => ticket.OverridePriority(Priority.Critical, "  ", 1, _clock.GetUtcNow())).Field.ShouldBe("priorityReason");
        ticket.Priority.ShouldBe(Priority.Medium);
        ticket.OverridePriority(Priority.Critical, "CEO's laptop before the board meeting", 1, _clock.GetUtcNow());
        ticket.Priority.ShouldBe(Priority.Critical);
        ticket.Reclassify(Impact.Low, Urgency.Low, PriorityMatrix.Default, 1, _clock.GetUtcNow());
        ticket.Priority.ShouldBe(Priority.Critical);
        ticket.ResetPriority(PriorityMatrix.Default, 1, _clock.GetUtcNow());
        ticket.Priority.ShouldBe(Priority.Planning);
    }

    [Theory]
    [InlineData(StatusCategory.New, StatusCategory.Open, true)]
    [InlineData(StatusCategory.Open, StatusCategory.Pending, true)]
    [InlineData(StatusCategory.Pending, StatusCategory.Resolved, true)]
    [InlineData(StatusCategory.Resolved, StatusCategory.Open, true)]
    [InlineData(StatusCategory.Resolved, StatusCategory.Closed, true)]
    [InlineData(StatusCategory.Open, StatusCategory.New, false)]
    [InlineData(StatusCategory.Open, StatusCategory.Closed, false)]
    [InlineData(StatusCategory.Closed, StatusCategory.Open, false)]
    [InlineData(StatusCategory.Closed, StatusCategory.Resolved, false)]
    public void Only_allowed_status_moves_happen(StatusCategory from, StatusCategory to, bool allowed) =>
        StatusTransitions.IsAllowed(from, to).ShouldBe(allowed);

    [Fact]
    public void Resolving_and_closing_stamp_the_times_and_record_history()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(S("Open"), 1, _clock.GetUtcNow(), "New");
        _clock.Advance(TimeSpan.FromHours(2));
        ticket.ChangeStatus(S("Resolved"), 1, _clock.GetUtcNow(), "Open");
        ticket.ResolvedAt.ShouldBe(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromDays(3));
        ticket.ChangeStatus(S("Closed"), 1, _clock.GetUtcNow(), "Resolved");
        ticket.ClosedAt.ShouldBe(_clock.GetUtcNow());
        ticket.Events.Where(e => e.Field == "status").Select(e => $"{e.OldValue}→{e.NewValue}")
            .ShouldBe(["New→Open", "Open→Resolved", "Resolved→Closed"]);
        Should.Throw<TicketRuleException>(() => ticket.ChangeStatus(S("Open"), 1, _clock.GetUtcNow(), "Closed"));
    }

    [Fact]
    public void A_customer_reply_wakes_a_waiting_ticket_and_an_internal_note_is_not_a_first_response()
    {
        var ticket = NewTicket();
        ticket.MessageAdded(byStaff: true, isInternal: true, S("Open"), "New", 1, _clock.GetUtcNow());
        ticket.FirstRespondedAt.ShouldBeNull();
        ticket.StatusCategory.ShouldBe(StatusCategory.New);
        ticket.MessageAdded(byStaff: true, isInternal: false, S("Open"), "New", 1, _clock.GetUtcNow());
        ticket.FirstRespondedAt.ShouldBe(_clock.GetUtcNow());
        ticket.ChangeStatus(S("Waiting for customer"), 1, _clock.GetUtcNow(), "Open");
        ticket.MessageAdded(byStaff: false, isInternal: false, S("Open"), "Waiting for customer", 7, _clock.GetUtcNow());
        ticket.StatusCategory.ShouldBe(StatusCategory.Open);
    }

    [Fact]
    public void Every_change_bumps_the_version()
    {
        var ticket = NewTicket();
        var before = ticket.Version;
        ticket.Touch(_clock.GetUtcNow());
        ticket.Version.ShouldBe(before + 1);
    }
}
