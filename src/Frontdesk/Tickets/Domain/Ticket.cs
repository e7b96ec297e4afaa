namespace Frontdesk.Tickets.Domain;

/// <summary>
/// A request for help. Every change goes through a method here, which checks the rule and
/// records a <see cref="TicketEvent"/> (who, when, field, old → new) for the history and a
/// <see cref="TicketChange"/> for the rest of the desk, dispatched when the change is stored.
/// </summary>
internal sealed class Ticket
{
    private Ticket() { }

    /// <summary>The ticket number people quote ("#1042"); also the primary key.</summary>
    public long Id { get; private set; }
    public string Subject { get; private set; } = "";
    public long RequesterId { get; private set; }
    public long? OrganizationId { get; private set; }
    public Channel Channel { get; private set; }
    public TicketType Type { get; private set; }
    public int StatusId { get; private set; }

    /// <summary>Copy of the status's category, so queue filters need no join.</summary>
    public StatusCategory StatusCategory { get; private set; }
    public Impact Impact { get; private set; }
    public Urgency Urgency { get; private set; }
    public Priority Priority { get; private set; }

    /// <summary>Set when an agent overrode the matrix; the matrix no longer decides then.</summary>
    public string? PriorityOverrideReason { get; private set; }
    public long? CategoryId { get; private set; }
    public long? TeamId { get; private set; }
    public long? AssigneeId { get; private set; }
    public long? OwnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Made by the demo data: nobody behind it is ever mailed.</summary>
    public bool IsDemo { get; private set; }

    public void MarkAsDemo() => IsDemo = true;

    /// <summary>
    /// Records, for the timeline, what became of an automatic mail about the ticket once the mail
    /// server answered ("reminder sent to ..."). Like a reminder, not a change that moves the ticket.
    /// </summary>
    public void MailOutcome(string outcome, DateTimeOffset now)
    {
        Record("mail", null, outcome, null, now);
        _changes.Add(new Noted("mail", null, now));
    }

    /// <summary>When the requester was last reminded that the desk waits for their answer (pending tickets).</summary>
    public DateTimeOffset? CustomerRemindedAt { get; private set; }

    /// <summary>Grows by one on every change; the ETag and the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public List<TicketTag> Tags { get; private set; } = [];
    public List<TicketEvent> Events { get; private set; } = [];

    // A field, not a property: never mapped, and empty again on every load.
    private readonly List<TicketChange> _changes = [];

    /// <summary>What happened since the ticket was last stored, oldest first.</summary>
    public IReadOnlyList<TicketChange> PendingChanges() => _changes;

    /// <summary>Hands the recorded changes over once they are stored, so they are dispatched once.</summary>
    internal List<TicketChange> TakeChanges()
    {
        var taken = _changes.ToList();
        _changes.Clear();
        return taken;
    }

    public static Ticket Open(NewTicket n, TicketStatus initial, PriorityMatrix matrix, long? actorId, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            Subject = n.Subject,
            RequesterId = n.RequesterId,
            OrganizationId = n.OrganizationId,
            Channel = n.Channel,
            Type = n.Type,
            StatusId = initial.Id,
            StatusCategory = initial.Category,
            Impact = n.Impact,
            Urgency = n.Urgency,
            Priority = matrix.PriorityFor(n.Impact, n.Urgency),
            CategoryId = n.CategoryId,
            TeamId = n.TeamId,
            AssigneeId = n.AssigneeId,
            OwnerId = n.AssigneeId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        ticket.Tags.AddRange(n.Tags.Distinct().Select(t => new TicketTag { Tag = t }));
        ticket.Events.Add(new TicketEvent { ActorId = actorId, At = now, Field = "created", NewValue = n.Subject, NewRef = initial.Id, NewCategory = initial.Category });
        ticket._changes.Add(new TicketOpened(n.Channel, actorId, now));
        return ticket;
    }

    public void Rename(string subject, long? actorId, DateTimeOffset now)
    {
        if (subject == Subject) return;
        RecordField("subject", Subject, subject, actorId, now);
        Subject = subject;
    }

    /// <summary>Moves to another status, or throws <see cref="TicketRuleException"/> when the workflow forbids it.</summary>
    public void ChangeStatus(TicketStatus to, long? actorId, DateTimeOffset now, string? currentStatusName = null)
    {
        if (to.Id == StatusId) return;
        if (!StatusTransitions.IsAllowed(StatusCategory, to.Category))
        {
            throw new TicketRuleException("status",
                $"A {StatusCategory} ticket cannot move to {to.Category} ('{to.Name}'). Allowed: {string.Join(", ", StatusTransitions.From(StatusCategory))}.");
        }
        RecordStatus(currentStatusName, to, actorId, now);
        var wasCategory = StatusCategory;
        StatusId = to.Id;
        StatusCategory = to.Category;
        if (to.Category == StatusCategory.Resolved) ResolvedAt = now;
        if (to.Category == StatusCategory.Closed)
        {
            ClosedAt = now;
            ResolvedAt ??= now;
        }
        if (wasCategory == StatusCategory.Resolved && to.Category == StatusCategory.Open) ResolvedAt = null;
    }

    /// <summary>Takes a closed ticket back into work: only for a desk that chose to reopen on a
    /// customer's mail (<c>Frontdesk:Email:ReplyToClosed</c> = Reopen); agents cannot reopen by hand.</summary>
    public void Reopen(TicketStatus openStatus, string currentStatusName, long? actorId, DateTimeOffset now)
    {
        if (StatusCategory != StatusCategory.Closed) throw new InvalidOperationException($"Ticket #{Id} is not closed.");
        RecordStatus(currentStatusName, openStatus, actorId, now);
        StatusId = openStatus.Id;
        StatusCategory = openStatus.Category;
        ClosedAt = null;
        ResolvedAt = null;
        Touch(now);
    }

    /// <summary>Records, for the timeline, that the requester was reminded (the reminder itself is a mail).
    /// Neither a change agents made nor a reason to move the ticket up the list: version and update time stay.</summary>
    /// <param name="outcome">"sent to ..." or why it was not sent.</param>
    public void CustomerReminded(string outcome, DateTimeOffset now)
    {
        CustomerRemindedAt = now;
        Record("reminder", null, outcome, null, now);
        _changes.Add(new Noted("reminder", null, now));
    }

    public void Reclassify(Impact impact, Urgency urgency, PriorityMatrix matrix, long? actorId, DateTimeOffset now)
    {
        if (impact != Impact) RecordField("impact", Impact.ToString(), impact.ToString(), actorId, now);
        if (urgency != Urgency) RecordField("urgency", Urgency.ToString(), urgency.ToString(), actorId, now);
        Impact = impact;
        Urgency = urgency;
        if (PriorityOverrideReason is null) SetPriority(matrix.PriorityFor(impact, urgency), actorId, now);
    }

    /// <summary>Sets the priority by hand; a reason is required because it departs from the matrix.</summary>
    public void OverridePriority(Priority priority, string reason, long? actorId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new TicketRuleException("priorityReason", "Overriding the priority needs a reason (why the impact × urgency matrix is wrong here).");
        }
        SetPriority(priority, actorId, now);
        RecordField("priorityReason", PriorityOverrideReason, reason, actorId, now);
        PriorityOverrideReason = reason.Trim();
    }

    /// <summary>Drops a manual override: the matrix decides again.</summary>
    public void ResetPriority(PriorityMatrix matrix, long? actorId, DateTimeOffset now)
    {
        if (PriorityOverrideReason is null) return;
        RecordField("priorityReason", PriorityOverrideReason, null, actorId, now);
        PriorityOverrideReason = null;
        SetPriority(matrix.PriorityFor(Impact, Urgency), actorId, now);
    }

    public void ChangeType(TicketType type, long? actorId, DateTimeOffset now)
    {
        if (type == Type) return;
        RecordField("type", Type.ToString(), type.ToString(), actorId, now);
        Type = type;
    }

    public void AssignTeam(long? teamId, string? teamName, string? oldTeamName, long? actorId, DateTimeOffset now)
    {
        if (teamId == TeamId) return;
        Record("team", oldTeamName, teamName, actorId, now, TeamId, teamId);
        _changes.Add(new TeamChanged(TeamId, teamId, actorId, now));
        TeamId = teamId;
    }

    public void Assign(long? assigneeId, string? name, string? oldName, long? actorId, DateTimeOffset now)
    {
        if (assigneeId == AssigneeId) return;
        Record("assignee", oldName, name, actorId, now, AssigneeId, assigneeId);
        _changes.Add(new Assigned(AssigneeId, assigneeId, actorId, now));
        AssigneeId = assigneeId;
        // The first person to take the ticket owns it until ownership is handed over explicitly.
        OwnerId ??= assigneeId;
    }

    public void ChangeOwner(long? ownerId, string? name, string? oldName, long? actorId, DateTimeOffset now)
    {
        if (ownerId == OwnerId) return;
        Record("owner", oldName, name, actorId, now, OwnerId, ownerId);
        _changes.Add(new FieldChanged("owner", actorId, now));
        OwnerId = ownerId;
    }

    public void ChangeCategory(long? categoryId, string? name, string? oldName, long? actorId, DateTimeOffset now)
    {
        if (categoryId == CategoryId) return;
        Record("category", oldName, name, actorId, now, CategoryId, categoryId);
        _changes.Add(new FieldChanged("category", actorId, now));
        CategoryId = categoryId;
    }

    public void ReplaceTags(IReadOnlyCollection<string> tags, long? actorId, DateTimeOffset now)
    {
        var current = Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
        var wanted = tags.Distinct().Order(StringComparer.Ordinal).ToList();
        if (current.SequenceEqual(wanted)) return;
        RecordField("tags", string.Join(", ", current), string.Join(", ", wanted), actorId, now);
        Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        Tags.AddRange(wanted.Except(current).Select(t => new TicketTag { Tag = t }));
    }

    /// <summary>
    /// A public reply by staff counts as the first response and opens a new ticket; a customer's
    /// reply wakes a ticket that was waiting or resolved. Closed tickets take no more messages.
    /// </summary>
    public void MessageAdded(bool byStaff, bool isInternal, TicketStatus openStatus, string currentStatusName, long? actorId, DateTimeOffset now)
    {
        if (StatusCategory == StatusCategory.Closed)
        {
            throw new TicketRuleException("ticket", "This ticket is closed. Open a follow-up ticket instead of replying.");
        }
        if (byStaff && !isInternal && FirstRespondedAt is null)
        {
            FirstRespondedAt = now;
        }
        var wakes = byStaff
            ? !isInternal && StatusCategory == StatusCategory.New
            : StatusCategory is StatusCategory.Pending or StatusCategory.Resolved;
        if (wakes) ChangeStatus(openStatus, actorId, now, currentStatusName);
        Touch(now);
    }

    /// <summary>Something the timeline shows changed that is no field of the ticket (a reply's mail delivery): heard, not recorded.</summary>
    public void Noted(string what, DateTimeOffset now) => _changes.Add(new Noted(what, null, now));

    /// <summary>Records that a message joined the ticket (its rules ran in <see cref="MessageAdded"/> first).</summary>
    public void Received(TicketMessage message, bool byStaff) => _changes.Add(new MessageAdded(message, byStaff, message.AuthorId, message.CreatedAt));

    /// <summary>A file was added to the ticket on its own (files of a message come with the message).</summary>
    public void AttachmentAdded(Attachment attachment, DateTimeOffset now)
    {
        if (StatusCategory == StatusCategory.Closed) throw new TicketRuleException("ticket", "This ticket is closed. Open a follow-up ticket instead.");
        _changes.Add(new AttachmentAdded(attachment, attachment.UploadedById, now));
        Touch(now);
    }

    /// <summary>Marks the ticket changed: bumps <see cref="Version"/> and <see cref="UpdatedAt"/>.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void SetPriority(Priority priority, long? actorId, DateTimeOffset now)
    {
        if (priority == Priority) return;
        Record("priority", Priority.ToString(), priority.ToString(), actorId, now);
        _changes.Add(new PriorityChanged(Priority, priority, actorId, now));
        Priority = priority;
    }

    private void Record(string field, string? oldValue, string? newValue, long? actorId, DateTimeOffset now, long? oldRef = null, long? newRef = null) =>
        Events.Add(new TicketEvent { TicketId = Id, ActorId = actorId, At = now, Field = field, OldValue = oldValue, NewValue = newValue, OldRef = oldRef, NewRef = newRef });

    private void RecordField(string field, string? oldValue, string? newValue, long? actorId, DateTimeOffset now)
    {
        Record(field, oldValue, newValue, actorId, now);
        _changes.Add(new FieldChanged(field, actorId, now));
    }

    private void RecordStatus(string? currentStatusName, TicketStatus to, long? actorId, DateTimeOffset now)
    {
        _changes.Add(new StatusChanged(StatusId, StatusCategory, to.Id, to.Category, actorId, now));
        Events.Add(new TicketEvent
        {
            TicketId = Id, ActorId = actorId, At = now, Field = "status",
            OldValue = currentStatusName ?? StatusId.ToString(System.Globalization.CultureInfo.InvariantCulture), NewValue = to.Name,
            OldRef = StatusId, NewRef = to.Id, OldCategory = StatusCategory, NewCategory = to.Category,
        });
    }
}

/// <summary>What a new ticket starts with.</summary>
internal sealed record NewTicket(
    string Subject,
    long RequesterId,
    long? OrganizationId,
    Channel Channel,
    TicketType Type,
    Impact Impact,
    Urgency Urgency,
    long? TeamId,
    long? AssigneeId,
    long? CategoryId,
    IReadOnlyCollection<string> Tags);

/// <summary>A ticket rule was broken; <see cref="Common.RuleException.Field"/> names what to fix.</summary>
internal sealed class TicketRuleException : Common.RuleException
{
    public TicketRuleException(string field, string message) : base(field, message) { }
    public TicketRuleException() { }
    public TicketRuleException(string message) : base(message) { }
    public TicketRuleException(string message, Exception inner) : base(message, inner) { }

    public override string Title => "The ticket's workflow does not allow this.";
}
