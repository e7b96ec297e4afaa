namespace Frontdesk.Tickets.Domain;

/// <summary>
/// Something that happened to a ticket, recorded by the ticket's own method when it happens and
/// dispatched once the unit of work is stored (<see cref="Events.TicketEventDispatcher"/>). The
/// history row (<see cref="TicketEvent"/>) is the audit trail; this is what the rest of the desk
/// hears: mail, live pages, and later routing, SLAs, automation and webhooks.
/// </summary>
internal abstract record TicketChange(long? ActorId, DateTimeOffset At)
{
    /// <summary>Whether the requester's side may hear of it. Internal notes and files, and staff-only
    /// fields (team, assignee, owner, priority reasons), are not; customer pages follow only these.</summary>
    public virtual bool CustomerVisible => false;

    /// <summary>A short name for logs and broadcasts ("status", "message").</summary>
    public abstract string Kind { get; }
}

internal sealed record TicketOpened(Channel Channel, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => true;
    public override string Kind => "opened";
}

/// <summary>A reply, a customer's answer or an internal note joined the ticket.</summary>
internal sealed record MessageAdded(TicketMessage Message, bool ByStaff, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => !Message.IsInternal;
    public override string Kind => Message.IsInternal ? "note" : "message";
}

internal sealed record StatusChanged(int FromId, StatusCategory From, int ToId, StatusCategory To, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => true;
    public override string Kind => "status";
}

internal sealed record Assigned(long? From, long? To, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override string Kind => "assignee";
}

internal sealed record TeamChanged(long? From, long? To, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override string Kind => "team";
}

internal sealed record PriorityChanged(Priority From, Priority To, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => true;
    public override string Kind => "priority";
}

/// <summary>Another field changed: subject, type, impact, urgency, priorityReason, owner, category or tags.</summary>
internal sealed record FieldChanged(string Field, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => Field is "subject" or "type";
    public override string Kind => Field;
}

internal sealed record AttachmentAdded(Attachment Attachment, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override bool CustomerVisible => !Attachment.IsInternal;
    public override string Kind => "attachment";
}

/// <summary>The timeline noted something that is not a change agents made (a reminder sent, what became of an automatic mail).</summary>
internal sealed record Noted(string What, long? ActorId, DateTimeOffset At) : TicketChange(ActorId, At)
{
    public override string Kind => What;
}
