using Microsoft.AspNetCore.Identity;

namespace Frontdesk.Identity.Domain;

/// <summary>A sign-in account; it always belongs to a <see cref="Directory.Domain.Person"/>.</summary>
internal sealed class FrontdeskUser : IdentityUser<long>
{
    public long PersonId { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class FrontdeskRole : IdentityRole<long>
{
    public FrontdeskRole() { }
    public FrontdeskRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
