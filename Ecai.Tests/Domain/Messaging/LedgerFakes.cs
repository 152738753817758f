using System.Text.Json.Nodes;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Domain.Messaging;

/// <summary>What the fake LINE does with one request whose retry key it has not accepted yet.</summary>
public enum LineAct
{
    Accept,
    ServerError,
    RateLimit,
    /// <summary>LINE accepts it, but the client times out and never sees the 200.</summary>
    AcceptThenTimeOut,
    Refuse,
    Quota,
    /// <summary>LINE accepts it, then the app dies before marking (the dispatch is aborted).</summary>
    AcceptThenCrash,
}

/// <summary>One message a member has on their phone.</summary>
public sealed record Received(string To, string Text, Guid RetryKey, bool Multicast);

/// <summary>
/// A test double of LINE's push and multicast with LINE's retry-key memory: a key it accepted before answers 409, which the
/// client reports as Sent, and nothing new reaches the member. <see cref="Script"/> says what each new request meets.
/// </summary>
public sealed class FakeLine : ILineMessenger
{
    private readonly HashSet<Guid> _accepted = [];
    private readonly List<Received> _received = [];
    private readonly List<(Guid Key, int Recipients)> _requests = [];
    private int _calls;

    /// <summary>(call number from 0, first recipient) → what happens; default: accept.</summary>
    public Func<int, string, LineAct> Script { get; set; } = (_, _) => LineAct.Accept;
    /// <summary>Awaited inside every request before it is answered (to hold a dispatch mid-flight).</summary>
    public Func<Task>? Hold { get; set; }
    public LineQuota Quota { get; set; } = new(1_000, 0);
    /// <summary>Pass its token to the dispatch: <see cref="LineAct.AcceptThenCrash"/> cancels it, as a dying process would.</summary>
    public CancellationTokenSource Crash { get; } = new();

    public IReadOnlyList<Received> Received { get { lock (_received) return [.. _received]; } }
    public IReadOnlyList<(Guid Key, int Recipients)> Requests { get { lock (_received) return [.. _requests]; } }
    public int MessagesTo(string user) => Received.Count(r => r.To == user);

    public Task<PushResult> PushAsync(string accessToken, string to, JsonArray messages, Guid retryKey, CancellationToken ct) =>
        SendAsync([to], messages, retryKey, multicast: false);

    public Task<PushResult> MulticastAsync(string accessToken, IReadOnlyList<string> to, JsonArray messages, Guid retryKey, CancellationToken ct) =>
        SendAsync(to, messages, retryKey, multicast: true);

    private async Task<PushResult> SendAsync(IReadOnlyList<string> to, JsonArray messages, Guid key, bool multicast)
    {
        if (Hold is { } hold) await hold();
        LineAct act;
        lock (_received)
        {
            _requests.Add((key, to.Count));
            if (_accepted.Contains(key)) return PushResult.Sent; // 409: already accepted
            act = Script(_calls++, to[0]);
            if (act is LineAct.Accept or LineAct.AcceptThenTimeOut or LineAct.AcceptThenCrash)
            {
                _accepted.Add(key);
                foreach (var user in to) _received.Add(new Received(user, messages[0]!["text"]?.GetValue<string>() ?? "", key, multicast));
            }
        }
        return act switch
        {
            LineAct.Accept => PushResult.Sent,
            LineAct.ServerError => new PushResult(PushOutcome.Unavailable, "500 Internal Server Error"), // [I] LINE's 5xx body
            LineAct.RateLimit => new PushResult(PushOutcome.RateLimited, "Too Many Requests"),
            LineAct.AcceptThenTimeOut => throw new TaskCanceledException("The request timed out."),
            // [I] the wording of LINE's 400 for a bad recipient, as the client passes it on
            LineAct.Refuse => new PushResult(PushOutcome.Refused, "The property, 'to', in the request body is invalid"),
            LineAct.Quota => new PushResult(PushOutcome.QuotaExceeded, "You have reached your monthly limit."),
            LineAct.AcceptThenCrash => CrashNow(),
            _ => throw new InvalidOperationException(),
        };
    }

    private PushResult CrashNow()
    {
        Crash.Cancel();
        throw new OperationCanceledException(Crash.Token);
    }

    public Task<bool> LinkRichMenuAsync(string accessToken, string userId, string richMenuId, CancellationToken ct) => Task.FromResult(true);
    public Task<bool> UnlinkRichMenuAsync(string accessToken, string userId, CancellationToken ct) => Task.FromResult(true);
    public Task<LineQuota> QuotaAsync(string accessToken, CancellationToken ct) => Task.FromResult(Quota);
}

/// <summary>A bot with a LINE channel, members, a message and the ledger's services over the domain fixture.</summary>
public sealed class LedgerWorld : IAsyncDisposable
{
    private LedgerWorld(DomainFixture f) => F = f;

    public DomainFixture F { get; }
    public FakeLine Line { get; } = new();
    /// <summary>What the dispatcher sends through: <see cref="Line"/> unless a test points it at the real client and the LINE sandbox.</summary>
    public ILineMessenger? Messenger { get; set; }
    public int Bot { get; private set; }
    public LineChannels Channels { get; private set; } = null!;
    public DispatchOptions Options { get; } = new();
    public List<IDeliverySource> Sources { get; } = [new BroadcastSource()];

    public static async Task<LedgerWorld> CreateAsync(bool channel = true)
    {
        var w = new LedgerWorld(await DomainFixture.CreateAsync());
        w.Bot = await w.F.AddBotAsync();
        w.Channels = new LineChannels(w.F.Db, w.F.Protection);
        if (channel)
        {
            var errors = await w.Channels.SetUpAsync(w.Bot, new LineChannelSettings("1234567890", "0123456789abcdef0123456789abcdef", "token-x", null));
            Assert.Empty(errors);
        }
        return w;
    }

    /// <summary>A new dispatcher (as after a restart), over the same database and LINE.</summary>
    public DeliveryDispatcher Dispatcher() =>
        new(F.Db, Messenger ?? Line, Channels, Sources, F.Live, F.Clock, Microsoft.Extensions.Options.Options.Create(Options));

    public BroadcastPlanner Planner() => new(F.Db, F.Live);

    public Broadcasts Broadcasts(DeliveryDispatcher? dispatcher = null) =>
        new(F.Db, new MemberSearch(F.Db), Planner(), dispatcher ?? Dispatcher(), Messenger ?? Line, Channels, F.Live, F.Clock);

    public async Task<List<Member>> AddMembersAsync(int count, Func<int, bool>? blocked = null, string prefix = "U")
    {
        await using var db = F.Db.CreateDbContext();
        var members = Enumerable.Range(0, count).Select(i => new Member
        {
            BotId = Bot, LineUserId = $"{prefix}{i:D5}", DisplayName = $"友だち{i}", RegisteredName = i % 2 == 0 ? $"会員{i}" : null,
            IsBlocked = blocked?.Invoke(i) ?? false, FriendAddedAt = F.Clock.GetUtcNow().AddDays(-i),
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        return members;
    }

    public async Task<long> AddMessageAsync(string text)
    {
        await using var db = F.Db.CreateDbContext();
        var message = new StoredMessage { BotId = Bot, ContentJson = Text(text).ToJson(), CreatedAt = F.Clock.GetUtcNow() };
        db.StoredMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static MessageContent Text(string text) => new([new Bubble { Kind = BubbleKind.Text, Text = text }]);

    /// <summary>Pending rows (one push each) for the members, due at <paramref name="dueAt"/> (default now).</summary>
    public async Task<List<Delivery>> PlanAsync(IEnumerable<Member> members, long messageId, DeliverySource source = DeliverySource.Step, long sourceId = 1,
        DateTimeOffset? dueAt = null)
    {
        await using var db = F.Db.CreateDbContext();
        var rows = members.Select(m => new Delivery
        {
            BotId = Bot, MemberId = m.Id, Source = source, SourceId = sourceId, MessageId = messageId, RetryKey = Guid.NewGuid(),
            DueAt = dueAt ?? F.Clock.GetUtcNow(), State = DeliveryState.Pending, CreatedAt = F.Clock.GetUtcNow(),
        }).ToList();
        db.Deliveries.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    public async Task<List<Delivery>> RowsAsync()
    {
        await using var db = F.Db.CreateDbContext();
        return await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => F.DisposeAsync();
}
