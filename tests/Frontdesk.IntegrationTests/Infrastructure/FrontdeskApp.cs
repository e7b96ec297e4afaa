using Frontdesk.Database;
using System.Net.Http.Headers;
using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The real Frontdesk host on a fresh database of one provider. SQLite gets a file in a temp
/// directory; PostgreSQL gets its own database on the server <c>scripts/test</c> started.
/// </summary>
public abstract class FrontdeskApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@frontdesk.test";
    public const string Password = "correct-horse-42";

    private int _people;

    /// <summary>SQLite file and blobs; two apps given the same directory are one Frontdesk restarted.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keep the data directory when the app stops (a restart test starts another app on it).</summary>
    public bool KeepData { get; init; }

    /// <summary>Extra configuration, as <c>Frontdesk:Section:Key</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    internal abstract DatabaseProvider Provider { get; }
    protected virtual string? ConnectionString => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Tests run from the build output, not a publish folder: resolve static assets (and their
        // pre-compressed variants, which browsers ask for) through the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Frontdesk:DataDirectory", DataDirectory);
        builder.UseSetting("Frontdesk:Database:Provider", Provider.ToString());
        builder.UseSetting("Frontdesk:Demo:Enabled", "false");
        builder.UseSetting("Frontdesk:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Frontdesk:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Frontdesk:Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Frontdesk:Security:SignInAttemptsPerAccountPerMinute", "100000");
        if (ConnectionString is not null) builder.UseSetting("ConnectionStrings:Frontdesk", ConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // start the host: migrations and bootstrap run now
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (KeepData) return;
        await DropAsync();
        try { System.IO.Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    protected virtual Task DropAsync() => Task.CompletedTask;

    /// <summary>A new person with an account in <paramref name="role"/>, and an API client carrying their token.</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? name = null, long? organizationId = null)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"{role}{n}-{Guid.NewGuid().ToString("N")[..6]}@frontdesk.test";
        using (var scope = Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            var person = new Person { Name = name ?? $"{role} {n}", Email = email, OrganizationId = organizationId, CreatedAt = DateTimeOffset.UnixEpoch };
            await accounts.CreateAsync(person, Password, role);
        }
        return await SignInAsync(email);
    }

    public async Task<TestUser> SignInAsync(string email)
    {
        var anonymous = CreateClient();
        // Each test account signs in from an address of its own: tests of the per-client limit count only their own attempts.
        anonymous.DefaultRequestHeaders.Add(TestClientAddress.Header, $"127.1.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Password, name = "tests" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        var personId = db.People.Single(p => p.Email == email).Id;
        return new TestUser(email, personId, token, client);
    }

    internal T WithDb<T>(Func<FrontdeskDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>());
    }

    private sealed record TokenResponse(string Token);
}

public sealed record TestUser(string Email, long PersonId, string Token, HttpClient Api);

public sealed class SqliteApp : FrontdeskApp
{
    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : FrontdeskApp
{
    private readonly string _database = "fd_test_" + Guid.NewGuid().ToString("N")[..12];

    internal override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("FRONTDESK_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("FRONTDESK_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL.");

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
