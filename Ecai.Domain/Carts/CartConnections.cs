using System.Text.Json;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Carts;

/// <summary>What the operator enters on 外部連携 to connect a cart.</summary>
public sealed record ConnectRequest(
    CartKind Kind, string? CartDomain, string? LoginEmail, string? Password, string? ApiDomain,
    bool BirthdaySync = false, bool LineIdLinking = false);

/// <summary>Errors are keyed by field name (nameof on <see cref="ConnectRequest"/>) and are Japanese.</summary>
public sealed record ConnectResult(int? ConnectionId, IReadOnlyDictionary<string, string> Errors, string? Warning)
{
    public bool Succeeded => ConnectionId is not null;
}

/// <summary>A connection as the integration page shows it. Secrets are never part of it.</summary>
public sealed record ConnectionView(
    int Id, CartKind Kind, string CartDomain, string ApiBaseUrl, ConnectionState State, string? LastError, string? Hint,
    DateTimeOffset? LastPulledAt, long LastPullCustomers, long LastPullOrders, long LastPullSkipped, string? LastSkippedSample,
    bool BirthdaySync, bool LineIdLinking, int Customers, int Orders, int LinkedMembers);

/// <summary>Connect, list and configure a bot's cart connections; keeps credentials encrypted.</summary>
public sealed class CartConnections(IDbContextFactory<EcaiDb> dbs, IDataProtectionProvider protection, ILiveEvents live, TimeProvider clock)
    : ICartTokenStore
{
    public const string ErrorHint = "URLなど間違いがないか確認し、間違いがないようであればサポートまでご連絡ください。";
    private readonly IDataProtector _protector = protection.CreateProtector("Ecai.Carts.Secrets.v1");

    public async Task<ConnectResult> ConnectAsync(int botId, ConnectRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var domain = CartDomain.Normalize(request.CartDomain);
        if (string.IsNullOrWhiteSpace(request.CartDomain)) errors[nameof(request.CartDomain)] = "カートドメインを入力してください。";
        else if (domain is null) errors[nameof(request.CartDomain)] = "カートドメインの形式が正しくありません(例: shop.example.jp)。";
        var email = request.LoginEmail?.Trim();
        if (string.IsNullOrEmpty(email)) errors[nameof(request.LoginEmail)] = "ログインメールアドレスを入力してください。";
        else if (EmailNormalizer.Normalize(email) is null) errors[nameof(request.LoginEmail)] = "メールアドレスの形式が正しくありません。";
        if (string.IsNullOrEmpty(request.Password)) errors[nameof(request.Password)] = "ログインパスワードを入力してください。";
        var apiBaseUrl = ApiBaseUrl(request.ApiDomain);
        if (string.IsNullOrWhiteSpace(request.ApiDomain)) errors[nameof(request.ApiDomain)] = "APIドメインを入力してください。";
        else if (apiBaseUrl is null) errors[nameof(request.ApiDomain)] = "APIドメインの形式が正しくありません(例: api.example.jp)。";

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.CartConnections.AnyAsync(c => c.BotId == botId && c.Kind == request.Kind, ct))
            errors[nameof(request.Kind)] = $"このBOTにはすでに{CartNames.Of(request.Kind)}が連携されています。同じカートシステムは1つのBOTに1つまで連携できます。";
        if (errors.Count > 0) return new ConnectResult(null, errors, null);

        var otherBot = await db.CartConnections
            .Where(c => c.Kind == request.Kind && c.CartDomain == domain && c.BotId != botId)
            .Join(db.Bots, c => c.BotId, b => b.Id, (c, b) => b.Name)
            .FirstOrDefaultAsync(ct);

        var connection = new CartConnection
        {
            BotId = botId,
            Kind = request.Kind,
            CartDomain = domain!,
            ApiBaseUrl = apiBaseUrl!,
            ProtectedSecrets = Protect(new CartSecrets(email!, request.Password!)),
            BirthdaySync = request.BirthdaySync,
            LineIdLinking = request.Kind == CartKind.Ecforce && request.LineIdLinking,
            State = ConnectionState.NeverPulled,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CartConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        live.Publish(new ConnectionChanged(botId, connection.Id));
        var warning = otherBot is null ? null
            : $"同じカート({domain})が別のBOT「{otherBot}」にも連携されています。両方で同じカートを取り込むため、データが衝突する可能性があります。";
        return new ConnectResult(connection.Id, new Dictionary<string, string>(), warning);
    }

    public async Task<IReadOnlyList<ConnectionView>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CartConnections.Where(c => c.BotId == botId).OrderBy(c => c.Kind)
            .Select(c => new ConnectionView(
                c.Id, c.Kind, c.CartDomain, c.ApiBaseUrl, c.State, c.LastError,
                c.State == ConnectionState.Error ? ErrorHint : null,
                c.LastPulledAt, c.LastPullCustomers, c.LastPullOrders, c.LastPullSkipped, c.LastSkippedSample,
                c.BirthdaySync, c.LineIdLinking,
                db.CartCustomers.Count(x => x.ConnectionId == c.Id),
                db.CartOrders.Count(x => x.ConnectionId == c.Id),
                db.CartLinks.Where(l => l.ConnectionId == c.Id).Select(l => l.MemberId).Distinct().Count()))
            .ToListAsync(ct);
    }

    public async Task UpdateOptionsAsync(int botId, int connectionId, bool birthdaySync, bool lineIdLinking, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.BirthdaySync, birthdaySync)
            .SetProperty(c => c.LineIdLinking, c => c.Kind == CartKind.Ecforce && lineIdLinking), ct);
        live.Publish(new ConnectionChanged(botId, connectionId));
    }

    /// <summary>Removes the connection with everything imported through it (links included).</summary>
    public async Task DisconnectAsync(int botId, int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId).ExecuteDeleteAsync(ct);
        live.Publish(new ConnectionChanged(botId, connectionId));
        live.Publish(new DashboardChanged(botId));
    }

    /// <summary>The decrypted endpoint a connector needs. Never log the result.</summary>
    public async Task<CartEndpoint?> EndpointAsync(int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == connectionId, ct);
        return c is null ? null : new CartEndpoint(c.Id, c.Kind, c.ApiBaseUrl, Unprotect(c.ProtectedSecrets), this);
    }

    public async Task SaveTokenAsync(int connectionId, string token, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.FirstOrDefaultAsync(x => x.Id == connectionId, ct);
        if (c is null) return;
        c.ProtectedSecrets = Protect(Unprotect(c.ProtectedSecrets) with { Token = token });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Points a connection at another API base URL (demo mode: the sandbox on this host).</summary>
    public async Task SetApiBaseUrlAsync(int connectionId, string apiBaseUrl, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.CartConnections.Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApiBaseUrl, apiBaseUrl.TrimEnd('/')), ct);
    }

    /// <summary>"api.example.jp" → https://api.example.jp; a full http(s) URL is kept (sandboxes, ports).</summary>
    internal static string? ApiBaseUrl(string? apiDomain)
    {
        if (string.IsNullOrWhiteSpace(apiDomain)) return null;
        var text = apiDomain.Trim().TrimEnd('/');
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? text : null;
        var host = CartDomain.Normalize(text);
        return host is null ? null : "https://" + host;
    }

    private string Protect(CartSecrets secrets) => _protector.Protect(JsonSerializer.Serialize(secrets));
    private CartSecrets Unprotect(string protectedText) => JsonSerializer.Deserialize<CartSecrets>(_protector.Unprotect(protectedText))!;
}
