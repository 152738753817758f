using System.Security.Claims;
using Ecai.Domain.Carts;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Identity;

namespace Ecai.Web.Endpoints;

/// <summary>
/// OAuth 2 for carts that use it (楽楽リピート): <c>/cartauth/start/{id}</c> sends the operator to the
/// cart's approval screen; the cart sends them back to <c>/cartauth/callback</c> (the redirect URL the
/// shop registers, as in the seed), which stores the tokens and returns to 外部連携 with a message.
/// </summary>
public static class CartAuthEndpoints
{
    public const string CallbackPath = "/cartauth/callback";

    public static void MapCartAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cartauth/start/{connectionId:int}", async (int connectionId, HttpContext http, CartAuthorizations auth,
            BotAccess access, UserManager<Operator> users, CancellationToken ct) =>
        {
            var botId = await auth.BotOfAsync(connectionId, ct);
            var operatorId = users.GetUserId(http.User);
            if (botId is null || operatorId is null || !await access.CanOpenAsync(operatorId, botId.Value, ct)) return Results.NotFound();
            var url = await auth.StartAsync(botId.Value, connectionId, RedirectUri(http), ct);
            return url is null ? Results.NotFound() : Results.Redirect(url.ToString());
        });

        app.MapGet(CallbackPath, async (string? code, string? state, string? error, HttpContext http, CartAuthorizations auth, CancellationToken ct) =>
        {
            var result = await auth.CompleteAsync(state, code, error, RedirectUri(http), ct);
            var query = $"?auth={(result.Succeeded ? "ok" : "failed")}&message={Uri.EscapeDataString(result.Message)}";
            return Results.LocalRedirect("/integrations" + query);
        });
    }

    private static string RedirectUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CallbackPath}";
}
