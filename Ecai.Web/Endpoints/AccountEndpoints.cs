using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ecai.Web.Endpoints;

/// <summary>Cookie sign-in and sign-out. The login page is static SSR and posts here.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");

        group.MapPost("/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
            SignInManager<Operator> signIn, UserManager<Operator> users) =>
        {
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            var user = await users.FindByEmailAsync(email.Trim());
            if (user is not null)
            {
                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
                if (result.Succeeded) return Results.LocalRedirect(target);
                if (result.IsLockedOut) return Results.LocalRedirect($"/account/login?error=locked&returnUrl={Uri.EscapeDataString(target)}");
            }
            return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous();

        group.MapPost("/logout", async (SignInManager<Operator> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
