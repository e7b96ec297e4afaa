namespace Frontdesk.Directory.Domain;

internal sealed class Department
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long OrganizationId { get; set; }
}
