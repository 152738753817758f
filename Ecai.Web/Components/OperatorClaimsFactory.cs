using System.Security.Claims;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ecai.Web.Components;

/// <summary>Identity's claims plus the operator's display name, so the app bar needs no query.</summary>
public sealed class OperatorClaimsFactory(UserManager<Operator> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Operator>(users, options)
{
    public const string DisplayNameClaim = "ecai:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Operator user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
