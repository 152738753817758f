using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Line.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak LINE's API shape over a <see cref="LineSandboxStore"/>, so ECAI's
/// <see cref="LineApiClient"/> talks to it exactly as to <c>https://api.line.me</c>:
/// LINE Login's <c>POST /oauth2/v2.1/verify</c> and the Messaging API (bearer channel access token)
/// <c>GET /v2/bot/profile/{userId}</c>.
/// </summary>
public static class LineSandbox
{
    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests).</summary>
    public static Task<SandboxServer<LineSandboxStore>> StartAsync(LineSandboxStore store, CancellationToken ct = default) =>
        SandboxServer<LineSandboxStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/line", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, LineSandboxStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        MapLogin(group, store);
        MapMessaging(group, store);
        return group;
    }

    /// <summary>LINE Login: the ID-token check a LIFF page's server side makes.</summary>
    private static void MapLogin(RouteGroupBuilder group, LineSandboxStore store) =>
        group.MapPost("/oauth2/v2.1/verify", async (HttpContext http) =>
        {
            if (store.TakeServerError())
            {
                await MessageAsync(http, StatusCodes.Status500InternalServerError, "An error occurred in the server."); // [I] body
                return;
            }
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            // [I] LINE's wording for a request without the fields.
            var (claims, error) = form is null || string.IsNullOrEmpty(form["client_id"])
                ? (null, "client_id is required.")
                : store.VerifyIdToken(form["id_token"].ToString(), form["client_id"].ToString());
            if (claims is null)
            {
                await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status400BadRequest, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", "invalid_request");
                    w.WriteString("error_description", error);
                    w.WriteEndObject();
                });
                return;
            }
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w => w.WriteRawValue(claims));
        }).DisableAntiforgery();

    /// <summary>
    /// The Messaging API, each call with the bot's <c>Authorization: Bearer {channel access token}</c> [C: apis.md §5.1].
    /// Push, multicast and rich menus (issue 6) belong here, recorded in the store next to the friends.
    /// </summary>
    private static void MapMessaging(RouteGroupBuilder group, LineSandboxStore store)
    {
        group.MapGet("/v2/bot/profile/{userId}", async (string userId, HttpContext http) =>
        {
            if (!await AuthorizedAsync(http, store)) return;
            if (store.Friend(userId) is not { } friend)
            {
                await MessageAsync(http, StatusCodes.Status404NotFound, "Not found"); // [I] body
                return;
            }
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("userId", friend.UserId);
                w.WriteString("displayName", friend.DisplayName);
                if (friend.PictureUrl is { } picture) w.WriteString("pictureUrl", picture);
                w.WriteEndObject();
            });
        });
    }

    /// <summary>Injected faults, then the bearer check; false when the response has been written.</summary>
    private static async Task<bool> AuthorizedAsync(HttpContext http, LineSandboxStore store)
    {
        http.Response.Headers["X-Line-Request-Id"] = Guid.NewGuid().ToString(); // on every response [C: apis.md §5.1]
        if (store.TakeServerError())
        {
            await MessageAsync(http, StatusCodes.Status500InternalServerError, "An error occurred in the server."); // [I] body
            return false;
        }
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (store.IsAccepted(token)) return true;
        // [I] LINE's wording for a missing or wrong channel access token.
        await MessageAsync(http, StatusCodes.Status401Unauthorized,
            "Authentication failed. Confirm that the access token in the authorization header is valid.");
        return false;
    }

    /// <summary>LINE's error body <c>{"message":"…"}</c> [C: apis.md §5.1].</summary>
    private static Task MessageAsync(HttpContext http, int status, string message) =>
        SandboxHttp.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });
}
