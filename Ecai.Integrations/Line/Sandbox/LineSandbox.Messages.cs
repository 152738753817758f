using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace Ecai.Integrations.Line.Sandbox;

/// <summary>
/// The sending side of the LINE sandbox: push, multicast, the month's quota and per-user rich menus, with LINE's
/// retry-key, rate-limit and quota answers (docs/line.md § Sending, Rate limits, Per-user rich menus). Validation of message objects is loose: the types
/// ECAI sends (text, image, flex) with their required fields.
/// </summary>
public static partial class LineSandbox
{
    /// <summary>The idempotency header of push and multicast [C: docs/line.md § Sending].</summary>
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    /// <summary>On a 409: the request id of the request that was accepted under the retry key [C: docs/line.md § Sending].</summary>
    public const string AcceptedRequestIdHeader = "X-Line-Accepted-Request-Id";

    /// <summary>LINE's 429 message for an exhausted month [C: docs/line.md § Sending].</summary>
    public const string MonthlyLimitMessage = "You have reached your monthly limit.";

    /// <summary>The bare rate-limit 429's message [I: wording; docs/line.md § Rate limits says only that the body is bare].</summary>
    public const string TooManyRequestsMessage = "Too many requests";

    private const long MaxRequestBytes = 2 * 1024 * 1024; // [C: docs/line.md § Common] 413 above
    private const int MaxMessages = 5; // [C: docs/line.md § Sending]
    private const int MaxMulticastRecipients = 500; // [C: docs/line.md § Sending]
    private const int MaxTextLength = 5_000; // [I] LINE's text message limit
    private const int MaxAltTextLength = 1_500; // [I: docs/line.md § Flex Message]
    private const int MaxCarouselBubbles = 12; // [C: docs/line.md § Flex Message]

    private static void MapSending(RouteGroupBuilder group, LineSandboxStore store)
    {
        group.MapPost("/v2/bot/message/push", (HttpContext http) => SendAsync(http, store, multicast: false));
        group.MapPost("/v2/bot/message/multicast", (HttpContext http) => SendAsync(http, store, multicast: true));

        group.MapGet("/v2/bot/message/quota", async (HttpContext http) =>
        {
            if (await BeginAsync(http, store, retryKeyAllowed: false) is not { } call) return;
            var quota = store.QuotaOf(call.AccessToken);
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("type", quota.Limit is null ? "none" : "limited");
                if (quota.Limit is { } limit) w.WriteNumber("value", limit);
                w.WriteEndObject();
            });
        });
        group.MapGet("/v2/bot/message/quota/consumption", async (HttpContext http) =>
        {
            if (await BeginAsync(http, store, retryKeyAllowed: false) is not { } call) return;
            var used = store.QuotaOf(call.AccessToken).Used;
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("totalUsage", used);
                w.WriteEndObject();
            });
        });

        group.MapPost("/v2/bot/user/{userId}/richmenu/{richMenuId}", async (string userId, string richMenuId, HttpContext http) =>
        {
            if (await RichMenuCallAsync(http, store, "richmenu-link") is null) return;
            store.LinkRichMenu(userId, richMenuId); // [I] any rich menu id is taken: the sandbox keeps no rich menus of its own
            await EmptyAsync(http);
        });
        group.MapDelete("/v2/bot/user/{userId}/richmenu", async (string userId, HttpContext http) =>
        {
            if (await RichMenuCallAsync(http, store, "richmenu-unlink") is null) return;
            store.UnlinkRichMenu(userId); // [I] unlinking a user without a rich menu is a 200 too
            await EmptyAsync(http);
        });
        group.MapGet("/v2/bot/user/{userId}/richmenu", async (string userId, HttpContext http) =>
        {
            if (await RichMenuCallAsync(http, store, "richmenu-get") is null) return;
            if (store.RichMenuOf(userId) is not { } richMenuId)
            {
                await MessageAsync(http, StatusCodes.Status404NotFound, "the user has no richmenu"); // [I] wording
                return;
            }
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("richMenuId", richMenuId);
                w.WriteEndObject();
            });
        });
    }

    /// <summary>A rich-menu call past the bearer check, the rate limit (2,000/s each) and injected 429s.</summary>
    private static async Task<Call?> RichMenuCallAsync(HttpContext http, LineSandboxStore store, string endpoint)
    {
        if (await BeginAsync(http, store, retryKeyAllowed: false) is not { } call) return null;
        if (store.TryRate(call.AccessToken, endpoint, store.PushPerSecond) && !store.TakeTooMany()) return call;
        await MessageAsync(http, StatusCodes.Status429TooManyRequests, TooManyRequestsMessage);
        return null;
    }

    /// <summary>
    /// Push or multicast: faults and bearer, retry-key header, rate limit, body validation, then the store decides
    /// (409 for a remembered retry key, 429 for the month's quota, else accepted and recorded).
    /// </summary>
    private static async Task SendAsync(HttpContext http, LineSandboxStore store, bool multicast)
    {
        if (await BeginAsync(http, store, retryKeyAllowed: true) is not { } call) return;
        var allowed = multicast ? store.MulticastPerSecond : store.PushPerSecond;
        if (!store.TryRate(call.AccessToken, multicast ? "multicast" : "push", allowed) || store.TakeTooMany())
        {
            await MessageAsync(http, StatusCodes.Status429TooManyRequests, TooManyRequestsMessage);
            return;
        }
        if (http.Request.ContentLength > MaxRequestBytes)
        {
            await MessageAsync(http, StatusCodes.Status413RequestEntityTooLarge, "Request Entity Too Large"); // [I] wording
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
        }
        catch (JsonException)
        {
            await MessageAsync(http, StatusCodes.Status400BadRequest, "The request body could not be parsed as JSON"); // [I] wording
            return;
        }
        using (document)
        {
            var errors = new List<(string Property, string Message)>();
            var root = document.RootElement;
            var recipients = root.ValueKind == JsonValueKind.Object ? Recipients(root, multicast, errors) : [];
            var (messagesJson, count) = root.ValueKind == JsonValueKind.Object ? Messages(root, errors) : ("", 0);
            if (root.ValueKind != JsonValueKind.Object) errors.Add(("", "must be a JSON object")); // [I] wording
            if (errors.Count > 0)
            {
                await ErrorsAsync(http, errors);
                return;
            }

            var (outcome, request) = store.Accept(call.AccessToken, call.RetryKey, call.RequestId, recipients, messagesJson, count);
            switch (outcome)
            {
                case Acceptance.Duplicate:
                    http.Response.Headers[AcceptedRequestIdHeader] = request.RequestId;
                    await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status409Conflict, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("message", "The retry key is already accepted");
                        if (!multicast) WriteSentMessages(w, request);
                        w.WriteEndObject();
                    });
                    return;
                case Acceptance.OverQuota:
                    await MessageAsync(http, StatusCodes.Status429TooManyRequests, MonthlyLimitMessage);
                    return;
            }
            if (store.TakeAcceptedThen500())
            {
                await MessageAsync(http, StatusCodes.Status500InternalServerError, "An error occurred in the server."); // [I] body
                return;
            }
            await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                if (!multicast) WriteSentMessages(w, request); // multicast answers {} [I: docs/line.md § Sending]
                w.WriteEndObject();
            });
        }
    }

    private static void WriteSentMessages(Utf8JsonWriter w, AcceptedRequest request)
    {
        w.WriteStartArray("sentMessages");
        foreach (var (id, quoteToken) in request.SentMessages)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("quoteToken", quoteToken);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Push: <c>to</c> one user id; multicast: <c>to</c> 1–500 user ids.</summary>
    private static string[] Recipients(JsonElement root, bool multicast, List<(string, string)> errors)
    {
        root.TryGetProperty("to", out var to);
        if (!multicast)
        {
            if (to.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(to.GetString())) return [to.GetString()!];
            errors.Add(("to", "must be specified")); // [I] wording
            return [];
        }
        if (to.ValueKind != JsonValueKind.Array)
        {
            errors.Add(("to", "must be specified"));
            return [];
        }
        var length = to.GetArrayLength();
        if (length is < 1 or > MaxMulticastRecipients)
        {
            errors.Add(("to", $"Size must be between 1 and {MaxMulticastRecipients}")); // [I] wording
            return [];
        }
        var recipients = new string[length];
        var i = 0;
        foreach (var user in to.EnumerateArray())
        {
            if (user.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(user.GetString()))
            {
                errors.Add(($"to[{i}]", "must be specified"));
                return [];
            }
            recipients[i++] = user.GetString()!;
        }
        return recipients;
    }

    /// <summary>1–5 message objects, each text, image or flex with its required fields; their JSON text and count.</summary>
    private static (string Json, int Count) Messages(JsonElement root, List<(string, string)> errors)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            errors.Add(("messages", "must be specified"));
            return ("", 0);
        }
        var count = messages.GetArrayLength();
        if (count is < 1 or > MaxMessages)
        {
            errors.Add(("messages", $"Size must be between 1 and {MaxMessages}")); // [I] wording
            return ("", 0);
        }
        var i = 0;
        foreach (var message in messages.EnumerateArray()) Validate(message, $"messages[{i++}]", errors);
        return (messages.GetRawText(), count);
    }

    private static void Validate(JsonElement message, string at, List<(string, string)> errors)
    {
        string? Text(string name) =>
            message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : null;

        void Required(string name, int? max = null)
        {
            if (Text(name) is not { } text) errors.Add(($"{at}.{name}", "must be specified"));
            else if (text.Length > max) errors.Add(($"{at}.{name}", $"Length must be between 0 and {max}")); // [I] wording
        }

        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add((at, "must be an object"));
            return;
        }
        switch (Text("type"))
        {
            case "text":
                Required("text", MaxTextLength);
                break;
            case "image":
                Required("originalContentUrl");
                Required("previewImageUrl");
                break;
            case "flex":
                Required("altText", MaxAltTextLength);
                if (!message.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Object
                    || !contents.TryGetProperty("type", out var container) || container.GetString() is not ("bubble" or "carousel"))
                    errors.Add(($"{at}.contents", "must be a bubble or carousel container"));
                else if (container.GetString() == "carousel"
                         && (!contents.TryGetProperty("contents", out var bubbles) || bubbles.ValueKind != JsonValueKind.Array
                             || bubbles.GetArrayLength() is < 1 or > MaxCarouselBubbles))
                    errors.Add(($"{at}.contents.contents", $"Size must be between 1 and {MaxCarouselBubbles}"));
                break;
            default:
                // [I] the sandbox knows only the message types ECAI sends.
                errors.Add(($"{at}.type", "must be one of text, image, flex"));
                break;
        }
    }

    /// <summary>LINE's validation error body [C: docs/line.md § Common]; the wording of the summary is [I].</summary>
    private static Task ErrorsAsync(HttpContext http, List<(string Property, string Message)> errors) =>
        SandboxHttp.WriteJsonAsync(http, StatusCodes.Status400BadRequest, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", $"The request body has {errors.Count} error(s)");
            w.WriteStartArray("details");
            foreach (var (property, message) in errors)
            {
                w.WriteStartObject();
                w.WriteString("message", message);
                w.WriteString("property", property);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>The <c>{}</c> LINE answers to a rich-menu link or unlink [I].</summary>
    private static Task EmptyAsync(HttpContext http) =>
        SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
}
