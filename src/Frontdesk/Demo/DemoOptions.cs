namespace Frontdesk.Demo;

/// <summary>The <c>Frontdesk:Demo</c> section.</summary>
internal sealed class DemoOptions
{
    public const string Section = "Frontdesk:Demo";

    /// <summary>Generate a demo organization when the database is empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed for the demo generator, so every fresh start looks the same.</summary>
    public int Seed { get; set; } = 20261125;

    public int Tickets { get; set; } = 300;
}
