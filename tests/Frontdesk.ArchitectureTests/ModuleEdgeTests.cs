using System.Reflection;
using NetArchTest.Rules;

namespace Frontdesk.ArchitectureTests;

/// <summary>
/// The allowed edges between Frontdesk's modules, written down once (after Fitnet's module-pair
/// rules). A new edge fails here until it is added to <see cref="Allowed"/>: a visible decision in
/// review, not an accident of a <c>using</c>. Checked on the compiled code, method bodies included.
/// </summary>
public sealed class ModuleEdgeTests
{
    private static readonly Assembly App = typeof(Frontdesk.FrontdeskModules).Assembly;

    /// <summary>Each module and the modules it may use. The root namespace (<c>Frontdesk</c>) is the composition root and may use all.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // Shared kernel: clock, text, HTTP conventions, broadcast, role and policy names. Knows no module.
        ["Common"] = [],
        // The one database: its context and model know every module's entities, and its start-up
        // creates the first admin (Identity) and demo data (Demo).
        ["Database"] = ["Common", "Directory", "Identity", "Tickets", "Email", "Demo"],
        // People, organizations, teams.
        ["Directory"] = ["Common", "Database"],
        // Accounts, sign-in, tokens; people are made by the directory.
        ["Identity"] = ["Common", "Database", "Directory"],
        // Tickets; agents are looked up through Identity's Accounts.
        ["Tickets"] = ["Common", "Database", "Directory", "Identity"],
        // The mail channel opens and answers tickets through the Tickets module's inbox and events.
        ["Email"] = ["Common", "Database", "Directory", "Tickets"],
        ["Demo"] = ["Common", "Database", "Directory", "Identity", "Tickets"],
    };

    public static TheoryData<string, string> ForbiddenPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Allowed.Keys)
        {
            foreach (var to in Allowed.Keys.Where(to => to != from && !Allowed[from].Contains(to))) pairs.Add(from, to);
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void A_module_uses_only_the_modules_it_is_allowed_to(string from, string to)
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith($"Frontdesk.{from}.").Or().ResideInNamespace($"Frontdesk.{from}")
            .ShouldNot().HaveDependencyOnAny($"Frontdesk.{to}.", $"Frontdesk.{to}")
            .GetResult();
        result.IsSuccessful.ShouldBeTrue($"{from} → {to} is not an allowed edge: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_belongs_to_a_listed_module()
    {
        var namespaces = App.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("Frontdesk", StringComparison.Ordinal)).Distinct();
        var unlisted = namespaces.Where(n => n != "Frontdesk" && !Allowed.Keys.Any(m => n == $"Frontdesk.{m}" || n!.StartsWith($"Frontdesk.{m}.", StringComparison.Ordinal))).ToList();
        unlisted.ShouldBeEmpty("a new module needs its row in the table of allowed edges");
    }

    [Fact]
    public void The_table_itself_is_checked_both_ways()
    {
        // Each listed edge names a listed module, and the kernel stays a leaf.
        Allowed.Values.SelectMany(v => v).ShouldAllBe(m => Allowed.ContainsKey(m));
        Allowed["Common"].ShouldBeEmpty();
    }
}
