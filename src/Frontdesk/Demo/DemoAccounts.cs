namespace Frontdesk.Demo;

/// <summary>What the demo generator made, and the accounts printed at start-up.</summary>
internal sealed record DemoAccounts(int People, int Tickets)
{
    public const string Password = "frontdesk-demo-1";
    public const string Admin = "admin@northwind.example";
    public const string Agent = "sam.okafor@northwind.example";
    public const string Customer = "lena.fischer@northwind.example";

    /// <summary>Demo data was made on an earlier start.</summary>
    public static DemoAccounts Existing { get; } = new(0, 0);
}
