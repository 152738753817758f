using System.Text.Json;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Carts;

/// <summary>
/// What the operator enters on 外部連携 to connect a cart. <see cref="Fields"/> holds the cart's
/// credentials keyed by <see cref="CartField.Key"/>; <see cref="ApiDomain"/> only where the cart's spec asks for it.
/// </summary>
public sealed record ConnectRequest(
    CartKind Kind, string? CartDomain, IReadOnlyDictionary<string, string?> Fields, string? ApiDomain = null,
    bool BirthdaySync = false, bool LineIdLinking = false, DateOnly? LicenseExpiresOn = null,
    DateTimeOffset? SubscriptionTagsSince = null, int PullIntervalMinutes = CartSpec.DefaultPullIntervalMinutes,
    bool FirstImportToEveryone = false)
{
    public static ConnectRequest Ecforce(string? cartDomain, string? loginEmail, string? password, string? apiDomain,
        bool birthdaySync = false, bool lineIdLinking = false) =>
        new(CartKind.Ecforce, cartDomain,
            new Dictionary<string, string?> { [CartSpec.LoginEmail] = loginEmail, [CartSpec.Password] = password },
            apiDomain, birthdaySync, lineIdLinking);
}

/// <summary>Errors are keyed by field (a <see cref="CartField.Key"/> or a <see cref="ConnectRequest"/> property name) and are Japanese.</summary>
public sealed record ConnectResult(int? ConnectionId, IReadOnlyDictionary<string, string> Errors, string? Warning)
{
    /// <summary>The error key of a failed check against the cart (the same as 接続テスト's message): what to fix.</summary>
    public const string CheckKey = "Check";

    public bool Succeeded => ConnectionId is not null;
}

/// <summary>Settings an operator may change on a connected cart.</summary>
public sealed record ConnectionOptions(bool BirthdaySync, bool LineIdLinking, int PullIntervalMinutes, DateTimeOffset? SubscriptionTagsSince);

/// <summary>A connection as the integration page shows it. Secrets are never part of it.</summary>
public sealed record ConnectionView(
    int Id, CartKind Kind, string CartDomain, string ApiBaseUrl, ConnectionState State, string? LastError, string? Hint,
    DateTimeOffset? LastPulledAt, long LastPullCustomers, long LastPullOrders, long LastPullSkipped, string? LastSkippedSample,
    bool BirthdaySync, bool LineIdLinking, int Customers, int Orders, int LinkedMembers,
    int PullIntervalMinutes = CartSpec.DefaultPullIntervalMinutes, DateTimeOffset? NextPullAt = null,
    DateOnly? LicenseExpiresOn = null, DateTimeOffset? SubscriptionTagsSince = null, int Version = 0)
{
    public ConnectionOptions Options => new(BirthdaySync, LineIdLinking, PullIntervalMinutes, SubscriptionTagsSince);

    /// <summary>The last pull succeeded and found nothing to import.</summary>
    public bool NothingNew => LastPulledAt is not null && State == ConnectionState.Connected
                              && LastPullCustomers == 0 && LastPullOrders == 0 && LastPullSkipped == 0;
}

/// <summary>
/// What saving a connected cart's options or credentials did: Japanese errors keyed like <see cref="ConnectResult"/>'s
/// (nothing saved), or stale (<see cref="Fresh"/>: the connection's settings changed since the screen read them; nothing saved).
/// </summary>
public sealed record ConnectionUpdateResult(IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The connection as it is now, when the save was refused because it changed since the screen read it.</summary>
    public ConnectionView? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;

    public static ConnectionUpdateResult Failed(string key, string message) => new(new Dictionary<string, string> { [key] = message });
}

/// <summary>What 接続テスト found; <see cref="Message"/> is Japanese.</summary>
public sealed record ConnectionTestResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors);

/// <summary>Connect, list and configure a bot's cart connections; keeps credentials encrypted.</summary>
public sealed partial class CartConnections(
    IDbContextFactory<EcaiDb> dbs, IDataProtectionProvider protection, IEnumerable<ICartClientFactory> clients, ILiveEvents live, TimeProvider clock)
    : ICartTokenStore
{
    public const string ErrorHint = "URLなど間違いがないか確認し、間違いがないようであればサポートまでご連絡ください。";

    /// <summary>The licence-key warning shows this many days before expiry (issue: 14).</summary>
    public const int LicenseWarningDays = 14;

    private readonly IDataProtector _protector = protection.CreateProtector("Ecai.Carts.Secrets.v1");
    // Tokens issued for credentials that are not saved yet, by a hash of the credentials (never the credentials themselves).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CartToken Token, DateTimeOffset Until)> _draftTokens = new();

    /// <summary>
    /// Saves a connection after the same check as 接続テスト (carts approved by OAuth are checked once approved):
    /// wrong credentials are refused under <see cref="ConnectResult.CheckKey"/> and nothing is saved. A token the
    /// check obtained is stored with the credentials, so the first pull does not sign in again.
    /// <paramref name="verify"/> is false only where the cart cannot answer yet (demo seeding before the host listens).
    /// </summary>
    public async Task<ConnectResult> ConnectAsync(int botId, ConnectRequest request, CancellationToken ct, bool verify = true)
    {
        var (errors, draft) = Validate(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.CartConnections.AnyAsync(c => c.BotId == botId && c.Kind == request.Kind, ct))
            errors[nameof(request.Kind)] = $"このBOTにはすでに{CartNames.Of(request.Kind)}が連携されています。同じカートシステムは1つのBOTに1つまで連携できます。";
        if (errors.Count > 0) return new ConnectResult(null, errors, null);
        if (verify && CartSpec.Of(request.Kind).Auth != CartAuthFlow.OAuthCode)
        {
            var check = await CheckDraftAsync(request.Kind, draft, request.SubscriptionTagsSince, ct);
            if (!check.Result.Succeeded) return new ConnectResult(null, new Dictionary<string, string> { [ConnectResult.CheckKey] = check.Result.Message }, null);
            draft = draft with { Secrets = draft.Secrets with { Token = check.Token } };
        }

        var otherBot = await db.CartConnections
            .Where(c => c.Kind == request.Kind && c.CartDomain == draft.CartDomain && c.BotId != botId)
            .Join(db.Bots, c => c.BotId, b => b.Id, (c, b) => b.Name)
            .FirstOrDefaultAsync(ct);

        var spec = CartSpec.Of(request.Kind);
        var connection = new CartConnection
        {
            BotId = botId,
            Kind = request.Kind,
            CartDomain = draft.CartDomain,
            ApiBaseUrl = draft.ApiBaseUrl,
            ProtectedSecrets = Protect(draft.Secrets),
            BirthdaySync = spec.BirthdaySync && request.BirthdaySync,
            LineIdLinking = spec.LineIdLinking && request.LineIdLinking,
            LicenseExpiresOn = spec.LicenseExpiry ? request.LicenseExpiresOn : null,
            SubscriptionTagsSince = spec.SubscriptionAppTags ? request.SubscriptionTagsSince : null,
            PullIntervalMinutes = request.PullIntervalMinutes,
            FirstImportToEveryone = request.FirstImportToEveryone,
            State = spec.Auth == CartAuthFlow.OAuthCode ? ConnectionState.AwaitingAuthorization : ConnectionState.NeverPulled,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CartConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        live.Publish(new ConnectionChanged(botId, connection.Id));
        var warning = otherBot is null ? null
            : $"同じカート({draft.CartDomain})が別のBOT「{otherBot}」にも連携されています。両方で同じカートを取り込むため、データが衝突する可能性があります。";
        return new ConnectResult(connection.Id, new Dictionary<string, string>(), warning);
    }

    /// <summary>
    /// 接続テスト before saving: checks the form as <see cref="ConnectAsync"/> does, then makes one
    /// authenticated call to the cart. Nothing is stored or imported.
    /// </summary>
    public async Task<ConnectionTestResult> TestAsync(ConnectRequest request, CancellationToken ct)
    {
        var (errors, draft) = Validate(request);
        if (errors.Count > 0) return new ConnectionTestResult(false, "入力内容を確認してください。", errors);
        if (CartSpec.Of(request.Kind).Auth == CartAuthFlow.OAuthCode)
            return new ConnectionTestResult(false, $"{CartNames.Of(request.Kind)}は保存後に{CartNames.Of(request.Kind)}の画面でECAIを許可すると接続テストできます。", errors);
        return (await CheckDraftAsync(request.Kind, draft, request.SubscriptionTagsSince, ct)).Result;
    }

    /// <summary>
    /// Checks credentials not saved yet. A token the cart issued for them is kept in memory for an hour, so 接続テスト
    /// followed by 保存 signs in once (ecforce allows 5 sign-ins an hour); the token is returned for storing.
    /// </summary>
    private async Task<(ConnectionTestResult Result, CartToken? Token)> CheckDraftAsync(CartKind kind, Draft draft,
        DateTimeOffset? subscriptionTagsSince, CancellationToken ct)
    {
        var key = DraftKey(kind, draft);
        var now = clock.GetUtcNow();
        var cached = _draftTokens.TryGetValue(key, out var entry) && entry.Until > now ? entry.Token : null;
        var store = new CapturingTokenStore();
        var endpoint = new CartEndpoint(0, kind, draft.CartDomain, draft.ApiBaseUrl, draft.Secrets with { Token = cached }, store,
            now, subscriptionTagsSince);
        var result = await CheckAsync(endpoint, ct);
        var token = store.Token ?? cached;
        if (result.Succeeded && token is not null) _draftTokens[key] = (token, now.AddHours(1));
        else _draftTokens.TryRemove(key, out _);
        foreach (var stale in _draftTokens.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList()) _draftTokens.TryRemove(stale, out _);
        return (result, result.Succeeded ? token : null);
    }

    private static string DraftKey(CartKind kind, Draft draft)
    {
        var text = JsonSerializer.Serialize(new { kind, draft.ApiBaseUrl, Fields = draft.Secrets.Fields.OrderBy(f => f.Key, StringComparer.Ordinal) });
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>接続テスト of a saved connection (its stored credentials and token).</summary>
    public async Task<ConnectionTestResult> TestAsync(int botId, int connectionId, CancellationToken ct)
    {
        var none = new Dictionary<string, string>();
        ConnectionState? state;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            state = await db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId).Select(c => (ConnectionState?)c.State).FirstOrDefaultAsync(ct);
        if (state is null || await EndpointAsync(connectionId, ct) is not { } endpoint) return new ConnectionTestResult(false, "連携が見つかりません。", none);
        if (state == ConnectionState.AwaitingAuthorization)
            return new ConnectionTestResult(false, $"{CartNames.Of(endpoint.Kind)}でECAIとの連携がまだ許可されていません。", none);
        return await CheckAsync(endpoint, ct);
    }

    private async Task<ConnectionTestResult> CheckAsync(CartEndpoint endpoint, CancellationToken ct)
    {
        var none = new Dictionary<string, string>();
        var factory = clients.FirstOrDefault(f => f.Supports(endpoint.Kind));
        if (factory is null) return new ConnectionTestResult(false, $"{CartNames.Of(endpoint.Kind)}にはまだ接続できません。", none);
        try
        {
            await factory.Create(endpoint).CheckAsync(ct);
            return new ConnectionTestResult(true, $"{CartNames.Of(endpoint.Kind)}に接続できました。", none);
        }
        catch (Exception ex) when (CartFailures.OperatorMessage(ex, ct) is { } message)
        {
            return new ConnectionTestResult(false, message, none);
        }
    }

    private (Dictionary<string, string> Errors, Draft Draft) Validate(ConnectRequest request)
    {
        var spec = CartSpec.Of(request.Kind);
        var errors = new Dictionary<string, string>();
        var domain = spec.NormalizeDomain(request.CartDomain);
        if (string.IsNullOrWhiteSpace(request.CartDomain)) errors[nameof(request.CartDomain)] = $"{spec.DomainLabel}を入力してください。";
        else if (domain is null) errors[nameof(request.CartDomain)] = $"{spec.DomainLabel}の形式が正しくありません(例: {spec.DomainPlaceholder})。";

        var fields = new Dictionary<string, string>();
        foreach (var field in spec.Fields)
        {
            var value = request.Fields.GetValueOrDefault(field.Key);
            value = field.Type == CartFieldType.Secret ? value : value?.Trim();
            if (string.IsNullOrWhiteSpace(value)) errors[field.Key] = $"{field.Label}を入力してください。";
            else if (field.Type == CartFieldType.Email && EmailNormalizer.Normalize(value) is null) errors[field.Key] = "メールアドレスの形式が正しくありません。";
            else fields[field.Key] = value;
        }

        string? apiBaseUrl = null;
        if (spec.AsksApiDomain)
        {
            apiBaseUrl = ApiBaseUrl(request.ApiDomain);
            if (string.IsNullOrWhiteSpace(request.ApiDomain)) errors[nameof(request.ApiDomain)] = "APIドメインを入力してください。";
            else if (apiBaseUrl is null) errors[nameof(request.ApiDomain)] = "APIドメインの形式が正しくありません(例: api.example.jp)。";
        }
        else if (domain is not null)
        {
            // Sandboxes and tests give a full URL; otherwise the cart's own rule derives it.
            apiBaseUrl = request.ApiDomain is { } given && ApiBaseUrl(given) is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                ? url : spec.DefaultApiBaseUrl(domain);
        }

        if (spec.LicenseExpiry)
        {
            if (request.LicenseExpiresOn is not { } expires) errors[nameof(request.LicenseExpiresOn)] = "licenseKeyの有効期限を入力してください。";
            else if (expires < JapanTime.Today(clock)) errors[nameof(request.LicenseExpiresOn)] = "licenseKeyの有効期限が過ぎています。RMSで新しいlicenseKeyを発行してください。";
        }
        if (!CartSpec.PullIntervals.Contains(request.PullIntervalMinutes))
            errors[nameof(request.PullIntervalMinutes)] = "連携頻度を選んでください。";

        return (errors, new Draft(domain ?? "", apiBaseUrl ?? "", new CartSecrets(fields)));
    }

    private sealed record Draft(string CartDomain, string ApiBaseUrl, CartSecrets Secrets);

    public const string NotFound = "連携が見つかりません。";

    public async Task<IReadOnlyList<ConnectionView>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Views(db, db.CartConnections.Where(c => c.BotId == botId).OrderBy(c => c.Kind)).ToListAsync(ct);
    }

    private static IQueryable<ConnectionView> Views(EcaiDb db, IQueryable<CartConnection> connections) =>
        connections.Select(c => new ConnectionView(
                c.Id, c.Kind, c.CartDomain, c.ApiBaseUrl, c.State, c.LastError,
                c.State == ConnectionState.Error ? ErrorHint : null,
                c.LastPulledAt, c.LastPullCustomers, c.LastPullOrders, c.LastPullSkipped, c.LastSkippedSample,
                c.BirthdaySync, c.LineIdLinking,
                db.CartCustomers.Count(x => x.ConnectionId == c.Id),
                db.CartOrders.Count(x => x.ConnectionId == c.Id),
                db.CartLinks.Where(l => l.ConnectionId == c.Id).Select(l => l.MemberId).Distinct().Count(),
                c.PullIntervalMinutes, c.NextPullAt, c.LicenseExpiresOn, c.SubscriptionTagsSince, c.Version));

    /// <summary>A refused save: the connection as it is now, or not found.</summary>
    private async Task<ConnectionUpdateResult> RefusedAsync(int botId, int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var fresh = await Views(db, db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId)).FirstOrDefaultAsync(ct);
        return fresh is null ? ConnectionUpdateResult.Failed("", NotFound) : new ConnectionUpdateResult(new Dictionary<string, string>()) { Fresh = fresh };
    }

    /// <summary>
    /// Saves a connected cart's settings; options the cart does not support stay off. <paramref name="loadedVersion"/> is the
    /// <see cref="ConnectionView.Version"/> the screen showed: when the settings changed since, nothing is saved and the
    /// result carries the fresh connection.
    /// </summary>
    public async Task<ConnectionUpdateResult> UpdateOptionsAsync(int botId, int connectionId, ConnectionOptions options, int loadedVersion, CancellationToken ct)
    {
        if (!CartSpec.PullIntervals.Contains(options.PullIntervalMinutes))
            return ConnectionUpdateResult.Failed(nameof(ConnectionOptions.PullIntervalMinutes), "カート連携頻度を選んでください。");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.FirstOrDefaultAsync(x => x.Id == connectionId && x.BotId == botId, ct);
        if (c is null) return ConnectionUpdateResult.Failed("", NotFound);
        if (c.Version != loadedVersion) return await RefusedAsync(botId, connectionId, ct);
        var spec = CartSpec.Of(c.Kind);
        c.BirthdaySync = spec.BirthdaySync && options.BirthdaySync;
        c.LineIdLinking = spec.LineIdLinking && options.LineIdLinking;
        c.SubscriptionTagsSince = spec.SubscriptionAppTags ? options.SubscriptionTagsSince : null;
        if (c.PullIntervalMinutes != options.PullIntervalMinutes)
        {
            c.PullIntervalMinutes = options.PullIntervalMinutes;
            c.NextPullAt = c.LastPulledAt?.AddMinutes(options.PullIntervalMinutes);
        }
        db.ExpectVersion(c, loadedVersion);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await RefusedAsync(botId, connectionId, ct); } // changed after the read above
        live.Publish(new ConnectionChanged(botId, connectionId));
        return new ConnectionUpdateResult(new Dictionary<string, string>());
    }

    /// <summary>
    /// Replaces the credentials the operator re-entered (blank fields keep the stored value), e.g. Rakuten's
    /// licenseKey every 90 days with its new expiry date. Errors are Japanese and keyed like <see cref="ConnectAsync"/>'s.
    /// <paramref name="loadedVersion"/> is the <see cref="ConnectionView.Version"/> when the form opened: when the connection's
    /// settings changed since (credentials renewed by another operator), nothing is saved and the result carries the fresh connection.
    /// </summary>
    public async Task<ConnectionUpdateResult> UpdateCredentialsAsync(int botId, int connectionId,
        IReadOnlyDictionary<string, string?> fields, DateOnly? licenseExpiresOn, int loadedVersion, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.FirstOrDefaultAsync(x => x.Id == connectionId && x.BotId == botId, ct);
        if (c is null) return ConnectionUpdateResult.Failed("", NotFound);
        if (c.Version != loadedVersion) return await RefusedAsync(botId, connectionId, ct);
        var spec = CartSpec.Of(c.Kind);
        if (spec.LicenseExpiry && licenseExpiresOn is { } day && day < JapanTime.Today(clock))
            errors[nameof(ConnectRequest.LicenseExpiresOn)] = "licenseKeyの有効期限が過ぎています。RMSで新しいlicenseKeyを発行してください。";
        var stored = Unprotect(c.ProtectedSecrets);
        var merged = new Dictionary<string, string>(stored.Fields);
        foreach (var field in spec.Fields)
        {
            var value = fields.GetValueOrDefault(field.Key);
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (field.Type == CartFieldType.Email && EmailNormalizer.Normalize(value) is null) errors[field.Key] = "メールアドレスの形式が正しくありません。";
            merged[field.Key] = field.Type == CartFieldType.Secret ? value : value.Trim();
        }
        if (errors.Count > 0) return new ConnectionUpdateResult(errors);
        // New credentials invalidate a token issued for the old ones (OAuth tokens survive a secret change).
        var token = spec.Auth == CartAuthFlow.OAuthCode ? stored.Token : null;
        var changed = merged.Count != stored.Fields.Count || merged.Any(f => stored.Fields.GetValueOrDefault(f.Key) != f.Value);
        if (changed && spec.Auth != CartAuthFlow.OAuthCode)
        {
            // The same check as 接続テスト, before anything is replaced: wrong credentials leave the stored ones working.
            var check = await CheckDraftAsync(c.Kind, new Draft(c.CartDomain, c.ApiBaseUrl, new CartSecrets(merged)), c.SubscriptionTagsSince, ct);
            if (!check.Result.Succeeded) return ConnectionUpdateResult.Failed(ConnectResult.CheckKey, check.Result.Message);
            token = check.Token;
        }
        else if (!changed) token = stored.Token;
        c.ProtectedSecrets = Protect(new CartSecrets(merged, token));
        if (spec.LicenseExpiry && licenseExpiresOn is not null) c.LicenseExpiresOn = licenseExpiresOn;
        if (c.State == ConnectionState.Error) c.NextPullAt = null; // retry at the next tick
        db.ExpectVersion(c, loadedVersion);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await RefusedAsync(botId, connectionId, ct); } // changed during the check above
        live.Publish(new ConnectionChanged(botId, connectionId));
        return new ConnectionUpdateResult(errors);
    }

    /// <summary>The decrypted endpoint a connector needs. Never log the result.</summary>
    public async Task<CartEndpoint?> EndpointAsync(int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == connectionId, ct);
        return c is null ? null
            : new CartEndpoint(c.Id, c.Kind, c.CartDomain, c.ApiBaseUrl, Unprotect(c.ProtectedSecrets), this, c.CreatedAt, c.SubscriptionTagsSince);
    }

    public async Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == connectionId, ct);
        if (c is null) return;
        var secrets = Protect(Unprotect(c.ProtectedSecrets) with { Token = token });
        // A token is the cart's bookkeeping, not a setting: no new version, so an open 認証情報を更新 (or its 接続テスト) stays valid.
        var approved = c.State == ConnectionState.AwaitingAuthorization;
        await db.CartConnections.Where(x => x.Id == connectionId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ProtectedSecrets, secrets)
            .SetProperty(x => x.State, x => approved ? ConnectionState.NeverPulled : x.State)
            .SetProperty(x => x.LastError, x => approved ? null : x.LastError)
            .SetProperty(x => x.NextPullAt, x => approved ? null : x.NextPullAt), ct);
        live.Publish(new ConnectionChanged(c.BotId, c.Id));
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

    /// <summary>Keeps the token a check of unsaved credentials obtained.</summary>
    private sealed class CapturingTokenStore : ICartTokenStore
    {
        public CartToken? Token { get; private set; }
        public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct)
        {
            Token = token;
            return Task.CompletedTask;
        }
    }

    private string Protect(CartSecrets secrets) => _protector.Protect(JsonSerializer.Serialize(secrets));
    private CartSecrets Unprotect(string protectedText)
    {
        var json = _protector.Unprotect(protectedText);
        using (var document = JsonDocument.Parse(json))
            if (document.RootElement.TryGetProperty(nameof(CartSecrets.Fields), out _)) return JsonSerializer.Deserialize<CartSecrets>(json)!;
        // Saved by the first build, which only knew ecforce: {"LoginEmail", "Password", "Token"}.
        var legacy = JsonSerializer.Deserialize<LegacySecrets>(json)!;
        return new CartSecrets(
            new Dictionary<string, string> { [CartSpec.LoginEmail] = legacy.LoginEmail ?? "", [CartSpec.Password] = legacy.Password ?? "" },
            legacy.Token is { Length: > 0 } token ? new CartToken(token) : null);
    }

    private sealed record LegacySecrets(string? LoginEmail, string? Password, string? Token);
}
