using System.Diagnostics;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>The OpenAPI document passes Spectral with the project's rules (.spectral.yaml): no warnings, no errors.</summary>
public sealed class OpenApiLintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_openapi_document_passes_spectral_with_our_rules()
    {
        var spectral = Environment.GetEnvironmentVariable("SPECTRAL_PATH") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("SPECTRAL_PATH is not set: run the tests with scripts/test, which installs Spectral.");
        var ruleset = FindRepositoryFile(".spectral.yaml");
        var document = Path.Combine(Path.GetTempPath(), $"frontdesk-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo(spectral, ["lint", document, "--ruleset", ruleset, "--fail-severity=warn", "--format=text"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            process.ExitCode.ShouldBe(0, $"{await output}{await errors}(the document is kept at {document})");
            File.Delete(document);
        }
        catch (TimeoutException)
        {
            File.Delete(document);
            throw;
        }
    }

    private static string FindRepositoryFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }
}
