using Frontdesk.Database;
using Frontdesk.Common.Security;
using Bogus;
using Person = Frontdesk.Directory.Domain.Person;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Demo;

/// <summary>
/// A realistic organization for trying Frontdesk: two sites in two time zones, departments,
/// ~50 employees, five agents in first, second and third line, and tickets in every state.
/// The same seed always gives the same data.
/// </summary>
internal sealed class DemoDataGenerator(FrontdeskDbContext db, PeopleDirectory people, Accounts accounts, TicketInbox inbox, TimeProvider clock)
{
    private static readonly string[] Departments = ["Finance", "Sales", "Operations", "People & Culture", "Engineering", "Marketing"];
    private static readonly string[] CategoryNames = ["Hardware", "Software", "Network", "Accounts & Access", "E-mail", "Printing", "Phones"];

    private static readonly (string Subject, string Body, string Category, TicketType Type)[] Requests =
    [
        ("Laptop will not start after update", "My laptop shows a black screen after last night's update. I have a customer call at 2pm.", "Hardware", TicketType.Incident),
        ("Printer on 3rd floor jams every page", "The printer next to the kitchen jams on every page since this morning.", "Printing", TicketType.Incident),
        ("Cannot connect to VPN from home", "The VPN client says 'authentication failed' although my password works for e-mail.", "Network", TicketType.Incident),
        ("New starter needs an account", "Maria Lopez starts on Monday in Sales. She needs an account, a laptop and access to the CRM.", "Accounts & Access", TicketType.ServiceRequest),
        ("Outlook keeps asking for my password", "Outlook asks for my password every few minutes and then fails to send.", "E-mail", TicketType.Incident),
        ("Request: Adobe Acrobat Pro licence", "I need to edit PDFs for contracts. My manager has agreed.", "Software", TicketType.ServiceRequest),
        ("Wi-Fi drops in meeting room Elbe", "Wi-Fi disconnects every ten minutes in meeting room Elbe.", "Network", TicketType.Incident),
        ("Desk phone shows 'no service'", "My desk phone shows 'no service' since we moved desks.", "Phones", TicketType.Incident),
        ("How do I share a calendar with my team?", "I would like my team to see my calendar. How do I do that?", "E-mail", TicketType.Question),
        ("Password reset for the HR system", "I am locked out of the HR system after three wrong tries.", "Accounts & Access", TicketType.ServiceRequest),
        ("Second monitor not detected", "My second monitor stays black when I connect the docking station.", "Hardware", TicketType.Incident),
        ("Shared drive very slow", "Opening files on the finance share takes minutes today.", "Network", TicketType.Incident),
        ("Nobody answered my ticket for a week", "I reported my broken headset a week ago and nobody has answered. This is not acceptable.", "Hardware", TicketType.Complaint),
        ("Excel crashes when opening the budget file", "Excel closes without a message when I open the 2027 budget workbook.", "Software", TicketType.Incident),
        ("Access to the marketing drive", "Please give me read access to the marketing shared drive.", "Accounts & Access", TicketType.ServiceRequest),
        ("Mobile phone for field visits", "I will visit customers from next month and need a company phone.", "Phones", TicketType.ServiceRequest),
    ];

    private static readonly string[] AgentReplies =
    [
        "Thank you for letting us know. I am looking into it now and will update you within the hour.",
        "Could you please tell me the exact error message, or send a photo of the screen?",
        "I have reset the setting on our side. Could you please try again and let me know?",
        "This is fixed now. If anything still does not work, just reply to this ticket.",
    ];

    private static readonly string[] InternalNotes =
    [
        "Same symptom as last week's driver issue; checking the update ring.",
        "Escalating to second line, needs on-site visit.",
        "Vendor case opened, reference pending.",
    ];

    public async Task<DemoAccounts> GenerateAsync(DemoOptions options, CancellationToken ct)
    {
        Randomizer.Seed = new Random(options.Seed);
        var faker = new Faker("en");
        var now = clock.GetUtcNow();

        var org = new Organization { Name = "Northwind Traders", Domain = "northwind.example" };
        db.Organizations.Add(org);
        var berlin = new Site { Name = "Berlin", TimeZone = "Europe/Berlin" };
        var chicago = new Site { Name = "Chicago", TimeZone = "America/Chicago" };
        db.Sites.AddRange(berlin, chicago);
        db.Categories.AddRange(CategoryNames.Select(n => new ServiceCategory { Name = n }));
        await db.SaveChangesAsync(ct);
        var departments = Departments.Select(n => new Department { Name = n, OrganizationId = org.Id }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(ct);

        Person NewPerson(string name, Site site, Department? dept, bool vip = false) => new()
        {
            Name = name,
            Email = Person.NormalizeEmail(name.Replace(' ', '.').Replace("'", "", StringComparison.Ordinal) + "@northwind.example"),
            Phone = faker.Phone.PhoneNumber("+49 30 #### ###"),
            OrganizationId = org.Id,
            DepartmentId = dept?.Id,
            SiteId = site.Id,
            TimeZone = site.TimeZone,
            IsVip = vip,
            CreatedAt = now.AddDays(-400),
        };

        // Agents and staff accounts.
        var admin = NewPerson("Admin Northwind", berlin, null);
        admin.Email = DemoAccounts.Admin;
        await accounts.CreateAsync(admin, DemoAccounts.Password, Roles.Admin);
        var agentPeople = new List<(Person Person, string Role, int Tier)>
        {
            (NewPerson("Sam Okafor", berlin, null), Roles.TeamLead, 1),
            (NewPerson("Alex Meyer", berlin, null), Roles.Agent, 1),
            (NewPerson("Priya Raman", chicago, null), Roles.Agent, 2),
            (NewPerson("Jonas Weber", berlin, null), Roles.Agent, 2),
            (NewPerson("Mei Chen", chicago, null), Roles.Agent, 3),
        };
        foreach (var (person, role, _) in agentPeople) await accounts.CreateAsync(person, DemoAccounts.Password, role);
        var manager = NewPerson("Dana Whitfield", chicago, null);
        await accounts.CreateAsync(manager, DemoAccounts.Password, Roles.Manager);

        var teams = new[]
        {
            new Team { Name = "Service Desk", Tier = 1, Description = "First line: every request starts here." },
            new Team { Name = "Desktop Support", Tier = 2, Description = "Second line: devices, software, on-site visits." },
            new Team { Name = "Infrastructure", Tier = 3, Description = "Third line: network, servers, identity." },
        };
        foreach (var (person, _, tier) in agentPeople) teams[tier - 1].Members.Add(new TeamMember { PersonId = person.Id });
        db.Teams.AddRange(teams);

        // Employees: the first is the demo customer.
        var employees = new List<Person> { NewPerson("Lena Fischer", berlin, departments[0]) };
        while (employees.Count < 50)
        {
            var site = faker.Random.Bool(0.6f) ? berlin : chicago;
            var name = $"{faker.Name.FirstName()} {faker.Name.LastName()}";
            if (employees.Any(e => e.Name == name)) continue;
            employees.Add(NewPerson(name, site, faker.PickRandom(departments), vip: employees.Count % 12 == 5));
        }
        people.Add(employees);
        await db.SaveChangesAsync(ct);
        foreach (var e in employees.Skip(1).Where((_, i) => i % 7 != 0)) e.ManagerId = employees[faker.Random.Int(0, 5)].Id;
        await accounts.CreateAsync(employees[0], DemoAccounts.Password, Roles.Customer);
        foreach (var e in employees.Skip(1).Take(9)) await accounts.CreateAsync(e, DemoAccounts.Password, Roles.Customer);

        var statuses = await db.TicketStatuses.AsNoTracking().ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Name, ct);
        var agents = agentPeople.Select(a => a.Person).ToList();
        for (var i = 0; i < options.Tickets; i++)
        {
            var request = faker.PickRandom(Requests);
            var requester = i % 10 == 0 ? employees[0] : faker.PickRandom(employees);
            var created = now.AddMinutes(-faker.Random.Int(30, 60 * 24 * 60));
            var tier = faker.Random.WeightedRandom([1, 2, 3], [0.6f, 0.3f, 0.1f]);
            var team = teams[tier - 1];
            var channel = faker.PickRandom<Channel>();
            var (ticket, _) = await inbox.OpenHereAsync(new NewTicket(request.Subject, requester.Id, org.Id, channel,
                request.Type, faker.PickRandom<Impact>(), faker.PickRandom<Urgency>(), team.Id, null, categories[request.Category].Id, []),
                new InboundMessage(requester.Id, channel, request.Body, null, null, []), requester.Id, created, ct);
            ticket.MarkAsDemo();

            var target = faker.PickRandom(statuses);
            if (target.Category == StatusCategory.New) continue;
            var agent = agents.FirstOrDefault(a => team.Members.Any(m => m.PersonId == a.Id)) ?? agents[0];
            var at = created.AddMinutes(faker.Random.Int(5, 240));
            ticket.Assign(agent.Id, agent.Name, null, agent.Id, at);
            await inbox.AppendAsync(ticket, new InboundMessage(agent.Id, Channel.Portal, faker.PickRandom(AgentReplies), null, null, []), byStaff: true, at, ct);
            if (faker.Random.Bool(0.4f))
            {
                await inbox.AppendAsync(ticket, new InboundMessage(agent.Id, Channel.Portal, faker.PickRandom(InternalNotes), null, null, [], IsInternal: true), byStaff: true, at.AddMinutes(3), ct);
            }
            if (target.Category == StatusCategory.Open) continue;
            at = at.AddHours(faker.Random.Int(1, 48));
            if (at > now) at = now;
            var path = target.Category switch
            {
                StatusCategory.Pending => new[] { target },
                StatusCategory.Resolved => [target],
                _ => [statuses.First(s => s.Category == StatusCategory.Resolved), target],
            };
            foreach (var step in path)
            {
                ticket.ChangeStatus(step, agent.Id, at, statuses.First(s => s.Id == ticket.StatusId).Name);
                ticket.Touch(at);
            }
        }
        await db.SaveChangesAsync(ct);
        return new DemoAccounts(employees.Count + agentPeople.Count + 2, options.Tickets);
    }
}
