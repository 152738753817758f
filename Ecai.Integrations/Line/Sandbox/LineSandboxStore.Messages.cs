using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ecai.Integrations.Line.Sandbox;

/// <summary>
/// One accepted push or multicast as one user received it: when (the sandbox's clock), LINE's request id, and the
/// message objects exactly as sent. <see cref="Messages"/> is a fresh copy on every read, so a page may change it.
/// </summary>
public sealed class ReceivedMessage(DateTimeOffset at, string requestId, string messagesJson, int count)
{
    public DateTimeOffset At { get; } = at;

    /// <summary>The <c>X-Line-Request-Id</c> of the request that delivered it.</summary>
    public string RequestId { get; } = requestId;

    /// <summary>The message objects (1–5) as JSON text.</summary>
    public string MessagesJson { get; } = messagesJson;

    /// <summary>How many message objects (bubbles) it carried.</summary>
    public int Count { get; } = count;

    /// <summary>The message objects (1–5), parsed afresh on each read.</summary>
    public JsonArray Messages => (JsonArray)JsonNode.Parse(MessagesJson)!;
}

/// <summary>The month's quota as <c>GET /v2/bot/message/quota</c> and <c>…/consumption</c> show it.</summary>
public sealed record SandboxQuota(long? Limit, long Used);

/// <summary>What the sandbox did with a push or multicast that passed validation.</summary>
internal enum Acceptance
{
    Accepted = 1,
    /// <summary>The retry key was accepted before (within 24 h): 409, nothing sent again.</summary>
    Duplicate = 2,
    /// <summary>The month's quota cannot cover the recipients: 429, nothing sent.</summary>
    OverQuota = 3,
}

/// <summary>An accepted request, remembered under its retry key: the request id and the sent messages' ids.</summary>
internal sealed record AcceptedRequest(string RequestId, DateTimeOffset At, IReadOnlyList<(string Id, string QuoteToken)> SentMessages);

/// <summary>
/// The sending side of the sandbox: per channel (= channel access token) rate windows, monthly quota and retry-key
/// memory; per user the received messages and the linked rich menu; fault switches. All state is in concurrent
/// collections or behind short per-object locks, never one global lock.
/// </summary>
public sealed partial class LineSandboxStore
{
    /// <summary>How long LINE remembers an accepted retry key [C: docs/line.md § Sending].</summary>
    public static readonly TimeSpan RetryKeyMemory = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _richMenus = new(StringComparer.Ordinal);
    private int _nextAcceptedThen500, _next429;
    private long _received;

    /// <summary>Requests per second (per channel, one-second windows on <see cref="Clock"/>) for push and each rich-menu call [C: docs/line.md § Rate limits].</summary>
    public int PushPerSecond { get; set; } = 2_000;

    /// <summary>Requests per second (per channel) for multicast [C: docs/line.md § Rate limits].</summary>
    public int MulticastPerSecond { get; set; } = 200;

    // ---- Quota ----

    /// <summary>
    /// Sets a channel's monthly message limit (<c>"limited"</c>), or none (<c>null</c>, the default: unlimited).
    /// Consumption counts one per recipient per accepted request and starts again each month (JST) [I].
    /// </summary>
    public void SetMonthlyQuota(string accessToken, long? limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), "The monthly limit is zero or more.");
        var channel = ChannelOf(accessToken);
        lock (channel) channel.Limit = limit;
    }

    /// <summary>A channel's limit and this month's consumption.</summary>
    public SandboxQuota QuotaOf(string accessToken)
    {
        var channel = ChannelOf(accessToken);
        lock (channel)
        {
            channel.Roll(MonthOf(Clock.GetUtcNow()));
            return new SandboxQuota(channel.Limit, channel.Used);
        }
    }

    // ---- What users received ----

    /// <summary>Everything accepted for <paramref name="userId"/>, oldest first (newest last).</summary>
    public IReadOnlyList<ReceivedMessage> ReceivedBy(string userId)
    {
        if (!_inboxes.TryGetValue(userId, out var inbox)) return [];
        lock (inbox) return inbox.Messages.ToArray();
    }

    /// <summary>How many accepted requests reached <paramref name="userId"/>.</summary>
    public int ReceivedCount(string userId)
    {
        if (!_inboxes.TryGetValue(userId, out var inbox)) return 0;
        lock (inbox) return inbox.Messages.Count;
    }

    /// <summary>Accepted requests summed over all recipients (a multicast to 500 counts 500).</summary>
    public long TotalReceived => Interlocked.Read(ref _received);

    /// <summary>The user's linked rich menu id, or null.</summary>
    public string? RichMenuOf(string userId) => _richMenus.GetValueOrDefault(userId);

    internal void LinkRichMenu(string userId, string richMenuId) => _richMenus[userId] = richMenuId;

    internal bool UnlinkRichMenu(string userId) => _richMenus.TryRemove(userId, out _);

    // ---- Faults ----

    /// <summary>
    /// The next <paramref name="count"/> pushes or multicasts are accepted (recorded, quota used, retry key
    /// remembered) and then answered 500: a time-out after LINE accepted.
    /// </summary>
    public void NextAcceptedThen500(int count) => Volatile.Write(ref _nextAcceptedThen500, Math.Max(0, count));

    /// <summary>The next <paramref name="count"/> pushes, multicasts or rich-menu calls (after the bearer check) are answered with a bare 429.</summary>
    public void Next429(int count) => Volatile.Write(ref _next429, Math.Max(0, count));

    internal bool TakeAcceptedThen500() => Take(ref _nextAcceptedThen500);

    internal bool TakeTooMany() => Take(ref _next429);

    // ---- Rate limits ----

    /// <summary>
    /// Counts one request to <paramref name="endpoint"/> in the channel's current one-second window; false when
    /// it is over <paramref name="perSecond"/> [I: fixed windows; LINE does not say how it counts].
    /// </summary>
    internal bool TryRate(string accessToken, string endpoint, int perSecond)
    {
        var window = ChannelOf(accessToken).Windows.GetOrAdd(endpoint, static _ => new RateWindow());
        var second = Clock.GetUtcNow().ToUnixTimeSeconds();
        lock (window)
        {
            if (window.Second != second)
            {
                window.Second = second;
                window.Count = 0;
            }
            return ++window.Count <= perSecond;
        }
    }

    // ---- Accepting ----

    /// <summary>
    /// Accepts a validated push or multicast: a retry key seen in the last 24 h is a duplicate (nothing happens);
    /// a quota that cannot cover every recipient refuses it; otherwise the quota is used, the messages recorded
    /// for each recipient and the retry key remembered. Safe for concurrent repeats of one key: one wins.
    /// </summary>
    internal (Acceptance Outcome, AcceptedRequest Request) Accept(string accessToken, Guid? retryKey, string requestId,
        IReadOnlyList<string> recipients, string messagesJson, int messageCount)
    {
        var channel = ChannelOf(accessToken);
        var now = Clock.GetUtcNow();
        var request = new AcceptedRequest(requestId, now, SentMessages(messageCount));
        if (retryKey is { } key)
        {
            channel.Sweep(now);
            while (true)
            {
                if (channel.RetryKeys.TryAdd(key, request)) break;
                if (!channel.RetryKeys.TryGetValue(key, out var earlier)) continue;
                if (earlier.At + RetryKeyMemory > now) return (Acceptance.Duplicate, earlier);
                if (channel.RetryKeys.TryUpdate(key, request, earlier)) break;
            }
        }
        lock (channel)
        {
            channel.Roll(MonthOf(now));
            if (channel.Limit is { } limit && channel.Used + recipients.Count > limit)
            {
                if (retryKey is { } taken) channel.RetryKeys.TryRemove(KeyValuePair.Create(taken, request));
                return (Acceptance.OverQuota, request);
            }
            channel.Used += recipients.Count;
        }
        var received = new ReceivedMessage(now, requestId, messagesJson, messageCount);
        foreach (var userId in recipients)
        {
            var inbox = _inboxes.GetOrAdd(userId, static _ => new Inbox());
            lock (inbox) inbox.Messages.Add(received);
        }
        Interlocked.Add(ref _received, recipients.Count);
        return (Acceptance.Accepted, request);
    }

    /// <summary>[I] LINE's sent message ids are long decimal strings and quote tokens opaque base64url text.</summary>
    private static (string Id, string QuoteToken)[] SentMessages(int count)
    {
        var sent = new (string, string)[count];
        for (var i = 0; i < count; i++)
            sent[i] = ((BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 900_000_000_000_000_000 + 100_000_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)));
        return sent;
    }

    private Channel ChannelOf(string accessToken) => _channels.GetOrAdd(accessToken, static _ => new Channel());

    /// <summary>The JST month (year × 12 + month) of an instant [I: LINE's month is Japan's].</summary>
    private static int MonthOf(DateTimeOffset instant)
    {
        var jst = instant.ToOffset(TimeSpan.FromHours(9));
        return jst.Year * 12 + jst.Month;
    }

    private sealed class Channel
    {
        public readonly ConcurrentDictionary<Guid, AcceptedRequest> RetryKeys = new();
        public readonly ConcurrentDictionary<string, RateWindow> Windows = new(StringComparer.Ordinal);
        public long? Limit;
        public long Used;
        private int _month;
        private long _nextSweep;

        /// <summary>Starts the month's consumption afresh when the month has changed (under the channel's lock).</summary>
        public void Roll(int month)
        {
            if (_month == month) return;
            _month = month;
            Used = 0;
        }

        /// <summary>Forgets retry keys older than 24 h, at most once a minute and by one caller at a time.</summary>
        public void Sweep(DateTimeOffset now)
        {
            var due = Volatile.Read(ref _nextSweep);
            if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerMinute, due) != due) return;
            foreach (var (key, request) in RetryKeys)
                if (request.At + RetryKeyMemory <= now) RetryKeys.TryRemove(KeyValuePair.Create(key, request));
        }
    }

    private sealed class RateWindow
    {
        public long Second = long.MinValue;
        public int Count;
    }

    private sealed class Inbox
    {
        public readonly List<ReceivedMessage> Messages = [];
    }
}
