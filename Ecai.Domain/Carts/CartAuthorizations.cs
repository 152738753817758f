using System.Globalization;
using System.Security.Cryptography;
using Ecai.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Carts;

/// <summary>What came back from the cart's approval screen; <see cref="Message"/> is Japanese.</summary>
public sealed record AuthorizationResult(bool Succeeded, int? BotId, string Message);

/// <summary>
/// OAuth 2 authorisation code for carts that use it (楽楽リピート): sends the operator to the cart's
/// approval screen with a signed, expiring <c>state</c>, and on the way back checks that state,
/// exchanges the code and stores the tokens encrypted with the connection.
/// </summary>
public sealed class CartAuthorizations(
    IDbContextFactory<EcaiDb> dbs, CartConnections connections, IEnumerable<ICartClientFactory> clients,
    IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long the approval screen may take.</summary>
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _state = protection.CreateProtector("Ecai.Carts.OAuthState.v1");

    /// <summary>The bot a connection belongs to (to check the operator may open it), or null.</summary>
    public async Task<int?> BotOfAsync(int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CartConnections.Where(c => c.Id == connectionId).Select(c => (int?)c.BotId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The cart's approval URL for the connection, or null when it is not an OAuth cart of this bot.</summary>
    public async Task<Uri?> StartAsync(int botId, int connectionId, string redirectUri, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
            if (!await db.CartConnections.AnyAsync(c => c.Id == connectionId && c.BotId == botId, ct)) return null;
        var endpoint = await connections.EndpointAsync(connectionId, ct);
        if (endpoint is null || Authorizer(endpoint.Kind) is not { } authorizer) return null;
        var expires = clock.GetUtcNow().Add(StateLifetime).UtcTicks;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var state = _state.Protect(string.Join('|', connectionId, botId, expires.ToString(CultureInfo.InvariantCulture), nonce));
        return authorizer.AuthorizeUrl(endpoint, state, redirectUri);
    }

    public async Task<AuthorizationResult> CompleteAsync(string? state, string? code, string? error, string redirectUri, CancellationToken ct)
    {
        if (!TryReadState(state, out var connectionId, out var botId))
            return new AuthorizationResult(false, null, "連携の確認に失敗しました。外部連携の画面からもう一度お試しください(有効期限は15分です)。");
        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
            return new AuthorizationResult(false, botId, "カート側でECAIとの連携が許可されませんでした。");
        var endpoint = await connections.EndpointAsync(connectionId, ct);
        if (endpoint is null || Authorizer(endpoint.Kind) is not { } authorizer)
            return new AuthorizationResult(false, botId, "連携が見つかりません。");
        try
        {
            var token = await authorizer.ExchangeCodeAsync(endpoint, code, redirectUri, ct);
            await connections.SaveTokenAsync(connectionId, token, ct);
            return new AuthorizationResult(true, botId, $"{CartNames.Of(endpoint.Kind)}との連携が許可されました。取込を開始できます。");
        }
        catch (Exception ex) when (CartFailures.OperatorMessage(ex, ct) is { } message)
        {
            return new AuthorizationResult(false, botId, message);
        }
    }

    private ICartAuthorizer? Authorizer(CartKind kind) => clients.FirstOrDefault(f => f.Supports(kind)) as ICartAuthorizer;

    private bool TryReadState(string? state, out int connectionId, out int botId)
    {
        (connectionId, botId) = (0, 0);
        if (string.IsNullOrEmpty(state)) return false;
        string text;
        try { text = _state.Unprotect(state); }
        catch (CryptographicException) { return false; }
        var parts = text.Split('|');
        return parts.Length == 4
               && int.TryParse(parts[0], CultureInfo.InvariantCulture, out connectionId)
               && int.TryParse(parts[1], CultureInfo.InvariantCulture, out botId)
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)
               && clock.GetUtcNow().UtcTicks <= expires;
    }
}
