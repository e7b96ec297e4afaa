using NetArchTest.Rules;

namespace Frontdesk.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    private static readonly System.Reflection.Assembly App = typeof(Frontdesk.FrontdeskModules).Assembly;

    [Fact]
    public void Domain_types_know_nothing_of_EF_Core_or_HTTP()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceEndingWith(".Domain")
            .And().DoNotHaveName("FrontdeskUser").And().DoNotHaveName("FrontdeskRole") // Identity's own entity base types
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing")
            .GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_application_does_not_depend_on_the_host_or_a_migrations_project() =>
        App.GetReferencedAssemblies().Select(a => a.Name).Where(n => n!.StartsWith("Frontdesk", StringComparison.Ordinal)).ShouldBeEmpty();

    [Fact]
    public void The_ticket_module_changes_people_only_through_the_directory_surface()
    {
        // Tickets may read people, but may not create them except through PeopleDirectory.
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("Frontdesk.Tickets")
            .ShouldNot().HaveDependencyOn("Frontdesk.Directory.People").GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Types_are_internal_unless_listed()
    {
        // Internal by default (DESIGN.md): the host, the migrations, the tests and the bench see
        // inside through InternalsVisibleTo. Public only: the ticket vocabulary test data is made of.
        string[] listed = ["StatusCategory", "Channel", "TicketType", "Impact", "Urgency", "Priority"];
        App.GetExportedTypes().Select(t => t.FullName).Where(n => !listed.Any(l => n == $"Frontdesk.Tickets.Domain.{l}")).ShouldBeEmpty();
    }

    [Fact]
    public void Request_and_response_records_are_sealed()
    {
        var result = Types.InAssembly(App).That().HaveNameEndingWith("Request").Or().HaveNameEndingWith("Dto")
            .Should().BeSealed().GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Nobody_reads_the_wall_clock_directly()
    {
        // BannedSymbols.txt stops DateTime.Now at build time; this guards that the file stays wired in.
        var props = File.ReadAllText(Path.Combine(RepoRoot(), "Directory.Build.props"));
        props.ShouldContain("BannedSymbols.txt");
        File.ReadAllText(Path.Combine(RepoRoot(), "BannedSymbols.txt")).ShouldContain("P:System.DateTime.UtcNow");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Frontdesk.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
