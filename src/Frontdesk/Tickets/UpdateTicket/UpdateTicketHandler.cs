using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory;
using Frontdesk.Identity;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.UpdateTicket;

/// <summary>Applies staff changes to a ticket, refusing a write based on a stale version (412).</summary>
internal sealed class UpdateTicketHandler(
    FrontdeskDbContext db, TicketAccess access, DirectoryNames names, TicketCatalog catalog, Accounts accounts, TimeProvider clock)
{
    public async Task<int> HandleAsync(long number, UpdateTicketRequest request, int? expectedVersion, Caller caller, CancellationToken ct)
    {
        if (!caller.IsStaff) throw new ForbiddenException("Only agents change tickets.");
        var ticket = await access.FindAsync(number, caller, ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (expectedVersion is not null && expectedVersion != ticket.Version)
        {
            throw new StaleException($"Ticket #{number} is at version {ticket.Version}, you sent If-Match for version {expectedVersion}. Reload it and apply your change again.");
        }

        var errors = new Errors();
        var now = clock.GetUtcNow();
        var me = caller.PersonId;
        var subject = TicketFields.Subject(request.Subject, errors, required: false);
        var type = errors.Enum<TicketType>("type", request.Type);
        var impact = errors.Enum<Impact>("impact", request.Impact);
        var urgency = errors.Enum<Urgency>("urgency", request.Urgency);
        Priority? priority = null;
        if (request.Priority is not null and not "auto")
        {
            priority = errors.Enum<Priority>("priority", request.Priority);
            if (string.IsNullOrWhiteSpace(request.PriorityReason))
            {
                errors.Add("priorityReason", "Setting the priority by hand needs priorityReason: say why the impact × urgency matrix is wrong here.");
            }
            else if (request.PriorityReason.Trim().Length > Limits.Reason)
            {
                errors.Add("priorityReason", $"priorityReason is limited to {Limits.Reason} characters.");
            }
        }
        var status = request.Status is null ? null : await StatusAsync(request.Status, errors, ct);
        var team = request.Team is null ? default : await TicketFields.TeamAsync(names, db, request.Team, errors, ct);
        var category = request.Category is null ? default : await TicketFields.CategoryAsync(catalog, db, request.Category, errors, ct);
        var assignee = request.Assignee is null ? null : await AgentAsync("assignee", request.Assignee, errors, ct);
        var owner = request.Owner is null ? null : await AgentAsync("owner", request.Owner, errors, ct);
        var tags = request.Tags is null ? null : TicketFields.Tags(request.Tags, errors);
        if (errors.Any) throw new ValidationFailedException(errors);

        if (subject is not null) ticket.Rename(subject, me, now);
        if (type is not null) ticket.ChangeType(type.Value, me, now);
        if (impact is not null || urgency is not null)
        {
            ticket.Reclassify(impact ?? ticket.Impact, urgency ?? ticket.Urgency, (await catalog.GetAsync(db, ct)).Matrix, me, now);
        }
        if (request.Priority == "auto") ticket.ResetPriority((await catalog.GetAsync(db, ct)).Matrix, me, now);
        else if (priority is not null) ticket.OverridePriority(priority.Value, request.PriorityReason!, me, now);
        if (request.Team is not null) ticket.AssignTeam(team.Id, team.Name, await names.TeamNameAsync(db, ticket.TeamId, ct), me, now);
        if (request.Category is not null) ticket.ChangeCategory(category.Id, category.Name, await CategoryNameAsync(ticket.CategoryId, ct), me, now);
        if (assignee is not null) ticket.Assign(assignee.Value.Id, assignee.Value.Name, await PersonNameAsync(ticket.AssigneeId, ct), me, now);
        if (owner is not null) ticket.ChangeOwner(owner.Value.Id, owner.Value.Name, await PersonNameAsync(ticket.OwnerId, ct), me, now);
        if (tags is not null) ticket.ReplaceTags(tags, me, now);
        if (status is not null)
        {
            ticket.ChangeStatus(status, me, now, (await catalog.GetAsync(db, ct)).Status(ticket.StatusId).Name);
        }
        if (!db.ChangeTracker.HasChanges()) return ticket.Version;
        ticket.Touch(now);
        if (subject is not null)
        {
            var document = await db.SearchDocuments.FirstOrDefaultAsync(d => d.TicketId == number && d.MessageId == null, ct);
            if (document is not null) document.Text = subject;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleException($"Ticket #{number} was changed by someone else while you saved. Reload it and apply your change again.");
        }
        return ticket.Version;
    }

    private async Task<TicketStatus?> StatusAsync(string value, Errors errors, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(db, ct);
        var found = reference.FindStatus(value);
        if (found is null) errors.Add("status", $"There is no status '{Clip.To(value, 100)}'. Use a status name or id: {reference.StatusWords()}.");
        return found;
    }

    /// <summary>An agent by id or e-mail; an empty value means "nobody".</summary>
    private async Task<(long? Id, string? Name)?> AgentAsync(string field, string value, Errors errors, CancellationToken ct)
    {
        if (value.Length == 0) return (null, null);
        if (await accounts.FindActiveStaffAsync(value, ct) is { } agent) return agent;
        errors.Add(field, $"'{Clip.To(value, 100)}' is not an active agent.");
        return null;
    }

    private Task<string?> CategoryNameAsync(long? id, CancellationToken ct) =>
        db.Categories.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct);

    private Task<string?> PersonNameAsync(long? id, CancellationToken ct) =>
        db.People.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
}
