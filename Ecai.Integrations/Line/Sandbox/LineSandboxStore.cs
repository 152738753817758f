using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ecai.Integrations.Line.Sandbox;

/// <summary>A friend of the sandbox bot, as <c>GET /v2/bot/profile/{userId}</c> shows it.</summary>
public sealed record LineFriend(string UserId, string DisplayName, string? PictureUrl);

/// <summary>
/// The state behind <see cref="LineSandbox"/>: the bot's friends, the channel access tokens it accepts, and
/// the ID tokens it issues and verifies (HS256 with a key private to this store; real LIFF tokens are ES256
/// [C: docs/line.md § LIFF and ID tokens], which ECAI never sees inside: it only passes them to <c>/oauth2/v2.1/verify</c>).
/// Time (ID-token <c>iat</c>/<c>exp</c> and their check) comes from <see cref="Clock"/>, so tests can expire
/// tokens. Thread-safe.
/// </summary>
public sealed partial class LineSandboxStore(TimeProvider? clock = null)
{
    /// <summary>The issuer LINE puts in its ID tokens [C: docs/line.md § LIFF and ID tokens].</summary>
    public const string Issuer = "https://access.line.me";

    private readonly ConcurrentDictionary<string, LineFriend> _friends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _accessTokens = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private int _next500, _served500;
    private long _requests;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>Calls to the API endpoints, whatever the answer.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public int Served500 => Volatile.Read(ref _served500);

    // ---- Messaging API: channel access tokens and friends ----

    /// <summary>Lets the Messaging API endpoints accept <paramref name="accessToken"/> as a bot's channel access token.</summary>
    public void AcceptAccessToken(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _accessTokens[accessToken] = true;
    }

    public bool IsAccepted(string? accessToken) => accessToken is not null && _accessTokens.ContainsKey(accessToken);

    /// <summary>Adds (or renames) a friend of the bot.</summary>
    public LineFriend AddFriend(string userId, string displayName, string? pictureUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(displayName);
        return _friends[userId] = new LineFriend(userId, displayName, pictureUrl);
    }

    public LineFriend? Friend(string userId) => _friends.GetValueOrDefault(userId);

    // ---- LINE Login: ID tokens ----

    /// <summary>
    /// A compact JWT (header.payload.signature, base64url) for friend <paramref name="userId"/> as the LIFF app
    /// of LINE Login channel <paramref name="loginChannelId"/> would get it: claims iss, sub, aud, exp, iat,
    /// name and picture (from the friend), signed HS256 with this store's key.
    /// </summary>
    public string IssueIdToken(string userId, string loginChannelId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loginChannelId);
        var friend = Friend(userId) ?? throw new ArgumentException($"'{userId}' is not a friend of the sandbox bot: AddFriend first.", nameof(userId));
        var now = Clock.GetUtcNow();
        var payload = Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("iss", Issuer);
            w.WriteString("sub", friend.UserId);
            w.WriteString("aud", loginChannelId);
            w.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            w.WriteNumber("iat", now.ToUnixTimeSeconds());
            w.WriteString("name", friend.DisplayName);
            if (friend.PictureUrl is { } picture) w.WriteString("picture", picture);
            w.WriteEndObject();
        });
        var signed = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(payload)}";
        return $"{signed}.{Base64Url.EncodeToString(Sign(signed))}";
    }

    /// <summary>
    /// What <c>POST /oauth2/v2.1/verify</c> answers: the token's claims (JSON) when it is this store's, unexpired
    /// and issued for <paramref name="clientId"/>; otherwise LINE's <c>error_description</c> [I: docs/line.md § LIFF and ID tokens].
    /// </summary>
    public (byte[]? Claims, string? Error) VerifyIdToken(string? idToken, string? clientId)
    {
        const string invalid = "Invalid IdToken.";
        if (idToken?.Split('.') is not [var header, var payload, var signature]) return (null, invalid);
        var given = new byte[64];
        if (Base64Url.DecodeFromChars(signature, given, out _, out var length) != OperationStatus.Done
            || !CryptographicOperations.FixedTimeEquals(Sign($"{header}.{payload}"), given.AsSpan(0, length)))
            return (null, invalid);

        var claims = Base64Url.DecodeFromChars(payload);
        using var document = JsonDocument.Parse(claims); // signed by this store, so well-formed
        var root = document.RootElement;
        if (DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()) <= Clock.GetUtcNow()) return (null, "IdToken expired.");
        if (root.GetProperty("aud").GetString() != clientId) return (null, "Invalid IdToken audience.");
        return (claims, null);
    }

    // ---- Faults and counters ----

    /// <summary>The next <paramref name="count"/> API responses are 500.</summary>
    public void Next500(int count) => Volatile.Write(ref _next500, Math.Max(0, count));

    /// <summary>Counts one API request; true when it must be answered with an injected 500.</summary>
    internal bool TakeServerError()
    {
        Interlocked.Increment(ref _requests);
        if (!Take(ref _next500)) return false;
        Interlocked.Increment(ref _served500);
        return true;
    }

    /// <summary>Takes one from a fault counter; false when it is used up.</summary>
    private static bool Take(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left) return true;
        }
    }

    private static readonly byte[] Header = """{"alg":"HS256","typ":"JWT"}"""u8.ToArray();

    private byte[] Sign(string headerDotPayload) => HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(headerDotPayload));

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Carts.Shared.Sandbox.SandboxHttp.WriterOptions)) write(w);
        return buffer.ToArray();
    }
}
