using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Line.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak LINE's API shape over a <see cref="LineSandboxStore"/>, so ECAI's
/// <see cref="LineApiClient"/> talks to it exactly as to <c>https://api.line.me</c>:
/// LINE Login's <c>POST /oauth2/v2.1/verify</c> and the Messaging API (bearer channel access token)
/// <c>GET /v2/bot/profile/{userId}</c>, push, multicast, quota and per-user rich menus (LineSandbox.Messages.cs).
/// </summary>
public static partial class LineSandbox
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
    /// The Messaging API, each call with the bot's <c>Authorization: Bearer {channel access token}</c> [C: docs/line.md § Common].
    /// Push, multicast, quota and rich menus are in LineSandbox.Messages.cs, recorded in the store next to the friends.
    /// </summary>
    private static void MapMessaging(RouteGroupBuilder group, LineSandboxStore store)
    {
        MapSending(group, store);
        group.MapGet("/v2/bot/profile/{userId}", async (string userId, HttpContext http) =>
        {
            if (await BeginAsync(http, store, retryKeyAllowed: false) is null) return;
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

    /// <summary>A Messaging API request past the faults and the bearer check.</summary>
    private sealed record Call(string AccessToken, string RequestId, Guid? RetryKey);

    /// <summary>
    /// Injected 500, the bearer check, then the <c>X-Line-Retry-Key</c> header: a UUID where
    /// <paramref name="retryKeyAllowed"/>, refused with 400 elsewhere [C: docs/line.md § Sending]; null when the response has been written.
    /// </summary>
    private static async Task<Call?> BeginAsync(HttpContext http, LineSandboxStore store, bool retryKeyAllowed)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["X-Line-Request-Id"] = requestId; // on every response [C: docs/line.md § Common]
        if (store.TakeServerError())
        {
            await MessageAsync(http, StatusCodes.Status500InternalServerError, "An error occurred in the server."); // [I] body
            return null;
        }
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!store.IsAccepted(token))
        {
            // [I] LINE's wording for a missing or wrong channel access token.
            await MessageAsync(http, StatusCodes.Status401Unauthorized,
                "Authentication failed. Confirm that the access token in the authorization header is valid.");
            return null;
        }
        if (!http.Request.Headers.TryGetValue(RetryKeyHeader, out var retryKey)) return new Call(token!, requestId, null);
        if (!retryKeyAllowed)
        {
            await MessageAsync(http, StatusCodes.Status400BadRequest, "X-Line-Retry-Key is not supported on this endpoint."); // [I] wording
            return null;
        }
        if (!Guid.TryParseExact(retryKey.ToString(), "D", out var key))
        {
            await MessageAsync(http, StatusCodes.Status400BadRequest, "The value of X-Line-Retry-Key must be a UUID."); // [I] wording
            return null;
        }
        return new Call(token!, requestId, key);
    }

    /// <summary>LINE's error body <c>{"message":"…"}</c> [C: docs/line.md § Common].</summary>
    private static Task MessageAsync(HttpContext http, int status, string message) =>
        SandboxHttp.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });
}
