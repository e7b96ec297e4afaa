using System.Globalization;
using System.Security.Claims;
using Frontdesk.Common.Http;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Frontdesk.Identity;

/// <summary>Adds the person behind the account to the sign-in cookie.</summary>
internal sealed class FrontdeskClaimsFactory(UserManager<FrontdeskUser> users, RoleManager<FrontdeskRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FrontdeskUser, FrontdeskRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FrontdeskUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Caller.PersonIdClaim, user.PersonId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
