using Ecai.Domain.Line;

namespace Ecai.Web.Endpoints;

/// <summary>
/// <c>POST /line/webhook/{botId}</c>, the URL a bot's LINE channel calls. The raw body is checked against
/// <c>x-line-signature</c> with the bot's channel secret before anything is read: a bad or missing
/// signature is 401 and stores nothing.
/// </summary>
public static class LineWebhookEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static void MapLineWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/line/webhook/{botId:int}", async (int botId, HttpContext http, LineChannels channels, LineWebhook webhook, CancellationToken ct) =>
        {
            if (await channels.ChannelSecretAsync(botId, ct) is not { } secret) return Results.NotFound();
            if (await RawBody.ReadAsync(http.Request, MaxBodyBytes, ct) is not { } body) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (!LineWebhook.IsAuthentic(body, http.Request.Headers[LineWebhook.SignatureHeader].ToString(), secret)) return Results.Unauthorized();
            try
            {
                await webhook.HandleAsync(botId, body, ct);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.BadRequest();
            }
            return Results.Ok();
        }).AllowAnonymous().DisableAntiforgery();
    }
}
