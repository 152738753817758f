using System.Data.Common;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Line;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecai.Domain.Messaging;

/// <summary>How the dispatcher paces and retries.</summary>
public sealed class DispatchOptions
{
    /// <summary>Due rows read, pushed and marked together (one transaction to read, one to mark).</summary>
    public int BatchSize { get; set; } = 2_000;
    /// <summary>
    /// Requests in flight at once per batch: enough to fill LINE's rate over loopback or the Internet. The pace itself
    /// (just under LINE's limits, per channel) is the <see cref="ILineMessenger"/>'s, shared with every other sender.
    /// </summary>
    public int Parallelism { get; set; } = 64;
    /// <summary>Attempts (429 / 5xx / time-out) before a row is Failed for good.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>First wait after a 5xx or time-out; doubles with every attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan UnavailableBackoff { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>First wait after a rate-limit 429; doubles with every attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After "monthly limit reached": rows wait this long (no retry storm), attempts not counted.</summary>
    public TimeSpan QuotaWait { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Why a dispatch stopped short.</summary>
public enum DispatchHalt
{
    None = 0,
    /// <summary>Another dispatch of the bot is running; it will pick the new rows up before it ends.</summary>
    Busy = 1,
    /// <summary>The bot has no LINE channel: due rows stay pending.</summary>
    NoChannel = 2,
    /// <summary>LINE said the month's message quota is used up: rows wait an hour at a time.</summary>
    QuotaExceeded = 3,
}

/// <summary>What one dispatch did. <see cref="Skipped"/> includes <see cref="Blocked"/>.</summary>
public sealed record DispatchResult(long Due, long Sent, long Failed, long Skipped, long Blocked, long Retrying, DispatchHalt Halt)
{
    public static readonly DispatchResult Nothing = new(0, 0, 0, 0, 0, 0, DispatchHalt.None);

    internal DispatchResult Add(DispatchResult o) => new(Due + o.Due, Sent + o.Sent, Failed + o.Failed, Skipped + o.Skipped,
        Blocked + o.Blocked, Retrying + o.Retrying, o.Halt != DispatchHalt.None ? o.Halt : Halt);
}

/// <summary>What the dashboard and 一斉配信 say about a bot's sending (in memory, from the last dispatch).</summary>
public sealed record DispatchStatus(DateTimeOffset? LastRunAt, bool NoChannel, DateTimeOffset? QuotaExceededAt, long PendingDue)
{
    public static readonly DispatchStatus Unknown = new(null, false, null, 0);
}

/// <summary>
/// Sends the send ledger's due rows. Per batch: blocked members' rows become Skipped(Blocked) and each
/// <see cref="IDeliverySource"/> skips what must not go any more (one transaction); then the rest is pushed concurrently
/// (the messenger paces them per channel) with each row's retry key (rows sharing a key go as one multicast); then the whole
/// batch is marked in one transaction (Sent + the sources' after-send actions, Failed, or pending again with back-off).
/// The next batch is taken and the last one marked while a batch is being pushed.
/// Rows are Pending before the push and the retry key never changes, so a crash or time-out between the push and the mark
/// re-sends with the same key and LINE answers 409 (= Sent): one message. One dispatch per bot at a time.
/// Also the <see cref="IDispatchSignal"/>: <see cref="Wake"/> queues the bot for the background loop reading <see cref="Wakes"/>.
/// </summary>
public sealed class DeliveryDispatcher : IDispatchSignal
{
    /// <summary>LINE's multicast takes up to 500 user ids per request.</summary>
    public const int MulticastMax = 500;

    private readonly IDbContextFactory<EcaiDb> _dbs;
    private readonly ILineMessenger _messenger;
    private readonly LineChannels _channels;
    private readonly IReadOnlyList<IDeliverySource> _sources;
    private readonly ILiveEvents _live;
    private readonly TimeProvider _clock;
    private readonly DispatchOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<int, bool> _again = new();
    private readonly ConcurrentDictionary<int, DispatchStatus> _status = new();
    private readonly Channel<int> _wakes = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public DeliveryDispatcher(IDbContextFactory<EcaiDb> dbs, ILineMessenger messenger, LineChannels channels, IEnumerable<IDeliverySource> sources,
        ILiveEvents live, TimeProvider clock, IOptions<DispatchOptions>? options = null, ILogger<DeliveryDispatcher>? log = null)
    {
        _dbs = dbs;
        _messenger = messenger;
        _channels = channels;
        _sources = [.. sources];
        _live = live;
        _clock = clock;
        _options = options?.Value ?? new DispatchOptions();
        _log = (ILogger?)log ?? NullLogger.Instance;
    }

    /// <summary>Bots woken by <see cref="Wake"/>, for the background loop.</summary>
    public ChannelReader<int> Wakes => _wakes.Reader;

    public void Wake(int botId) => _wakes.Writer.TryWrite(botId);

    public DispatchStatus StatusOf(int botId) => _status.GetValueOrDefault(botId, DispatchStatus.Unknown);

    /// <summary>Rows due now (the scheduler opens a job run only when there are some).</summary>
    public async Task<long> DueCountAsync(int botId, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        await using var db = await _dbs.CreateDbContextAsync(ct);
        return await db.Deliveries.LongCountAsync(d => d.BotId == botId && d.State == DeliveryState.Pending && d.DueAt <= now, ct);
    }

    /// <summary>
    /// Sends every Pending row of the bot due now. When another dispatch of the bot is running, returns at once with
    /// <see cref="DispatchHalt.Busy"/> and that dispatch makes one more pass before it ends.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(int botId, CancellationToken ct, IJobProgress? progress = null)
    {
        var gate = _gates.GetOrAdd(botId, _ => new SemaphoreSlim(1, 1));
        var total = DispatchResult.Nothing;
        var first = true;
        while (true)
        {
            if (!await gate.WaitAsync(0, ct))
            {
                _again[botId] = true;
                return first ? DispatchResult.Nothing with { Halt = DispatchHalt.Busy } : total;
            }
            try
            {
                _again.TryRemove(botId, out _);
                total = total.Add(await RunAsync(botId, progress, ct));
            }
            finally
            {
                gate.Release();
            }
            first = false;
            if (total.Halt != DispatchHalt.None || !_again.TryRemove(botId, out _)) return total;
        }
    }

    private async Task<DispatchResult> RunAsync(int botId, IJobProgress? progress, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var token = await _channels.AccessTokenAsync(botId, ct);
        await using var context = await _dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        var due = await SqlBatch.ScalarAsync(db, null,
            "SELECT count(*) FROM Deliveries WHERE BotId = @bot AND State = 0 AND DueAt <= @now", ct, ("@bot", botId), ("@now", now.UtcTicks));
        if (token is null)
        {
            _status[botId] = new DispatchStatus(now, NoChannel: true, StatusOf(botId).QuotaExceededAt, due);
            return DispatchResult.Nothing with { Due = due, Halt = due > 0 ? DispatchHalt.NoChannel : DispatchHalt.None };
        }
        if (due == 0)
        {
            _status[botId] = StatusOf(botId) with { LastRunAt = now, NoChannel = false, PendingDue = 0 };
            return DispatchResult.Nothing;
        }

        var dialect = SqlDialect.Of(db);
        await SqlBatch.ExecuteAsync(db, null, $"""
            DROP TABLE IF EXISTS dispatch_due; CREATE TEMP TABLE dispatch_due (Id {dialect.IdKey});
            DROP TABLE IF EXISTS dispatch_flight; CREATE TEMP TABLE dispatch_flight (Id {dialect.IdKey});
            DROP TABLE IF EXISTS dispatch_source; CREATE TEMP TABLE dispatch_source (Id {dialect.IdKey});
            DROP TABLE IF EXISTS dispatch_result; CREATE TEMP TABLE dispatch_result (Id {dialect.IdKey}, Outcome INTEGER NOT NULL, Error TEXT);
            """, ct);
        var result = DispatchResult.Nothing with { Due = due };
        progress?.Report(0, due, "配信中");
        var contents = new ConcurrentDictionary<long, MessageContent>();
        // A pipeline: batch N is pushed while N-1 is marked and N+1 taken, so the send rate never pauses between batches.
        var next = await TakeBatchAsync(db, botId, now, contents, ct);
        Task<Outcome[]>? pushing = null;

        async Task MarkAndReportAsync(Outcome[] outcomes)
        {
            var marked = await MarkBatchAsync(db, outcomes, ct);
            result = result with
            {
                Sent = result.Sent + marked.Sent, Failed = result.Failed + marked.Failed, Retrying = result.Retrying + marked.Retrying,
            };
            progress?.Report(result.Sent + result.Failed + result.Skipped + result.Retrying, due, "配信中");
            _live.Publish(new DeliveriesChanged(botId));
        }

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var pushed = pushing is null ? null : await pushing;
            var (rows, blocked, skipped) = next;
            result = result with { Skipped = result.Skipped + blocked + skipped, Blocked = result.Blocked + blocked };
            // After LINE's "monthly limit reached" nothing more is pushed: the taken batch stays pending and is parked below.
            var quota = pushed?.Any(o => o.Result == PushOutcome.QuotaExceeded) == true;
            pushing = rows.Count > 0 && !quota ? PushAsync(token, rows, contents, ct) : null;
            if (pushed is not null) await MarkAndReportAsync(pushed);
            if (quota)
            {
                // Everything else due would hit the same wall: it all waits for the hour (no retry storm).
                result = result with { Halt = DispatchHalt.QuotaExceeded, Retrying = result.Retrying + await SqlBatch.ExecuteAsync(db, null,
                    "UPDATE Deliveries SET DueAt = @later WHERE BotId = @bot AND State = 0 AND DueAt <= @now", ct,
                    ("@bot", botId), ("@now", now.UtcTicks), ("@later", (_clock.GetUtcNow() + _options.QuotaWait).UtcTicks)) };
                break;
            }
            if (pushing is null && rows.Count == 0 && blocked + skipped == 0) break;
            next = await TakeBatchAsync(db, botId, now, contents, ct);
        }
        var quotaAt = result.Halt == DispatchHalt.QuotaExceeded ? now : result.Sent > 0 ? null : StatusOf(botId).QuotaExceededAt;
        _status[botId] = new DispatchStatus(now, NoChannel: false, quotaAt, 0);
        _live.Publish(new DashboardChanged(botId));
        if (result.Failed > 0 || result.Retrying > 0)
            _log.LogWarning("Dispatch for bot {BotId}: {Sent} sent, {Failed} failed, {Retrying} to retry", botId, result.Sent, result.Failed, result.Retrying);
        return result;
    }

    private sealed record DueRow(long Id, Guid RetryKey, long MessageId, string LineUserId, string Name);

    /// <summary>
    /// One transaction: takes up to a batch of due rows (whole retry-key groups: a multicast is never split), skips the
    /// blocked members' rows and what each source says must not go, and reads the rest with the members' LINE ids and names.
    /// </summary>
    private async Task<(List<DueRow> Rows, long Blocked, long Skipped)> TakeBatchAsync(
        DbConnection db, int botId, DateTimeOffset now, ConcurrentDictionary<long, MessageContent> contents, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        // The previous batch may still be in flight (pending): it is kept out of this one.
        await SqlBatch.ExecuteAsync(db, tx,
            "DELETE FROM dispatch_flight; INSERT INTO dispatch_flight SELECT Id FROM dispatch_due; DELETE FROM dispatch_due", ct);
        (string, object?)[] args = [("@bot", botId), ("@now", now.UtcTicks), ("@take", _options.BatchSize)];
        var taken = await SqlBatch.ExecuteAsync(db, tx, """
            INSERT INTO dispatch_due (Id)
            SELECT Id FROM Deliveries WHERE BotId = @bot AND State = 0 AND DueAt <= @now AND Id NOT IN (SELECT Id FROM dispatch_flight)
            ORDER BY DueAt, Id LIMIT @take
            """, ct, args);
        if (taken == 0) return ([], 0, 0);
        // The rest of any multicast group the limit cut (they share the retry key: sent together or not at all).
        await SqlBatch.ExecuteAsync(db, tx, """
            INSERT INTO dispatch_due (Id)
            SELECT d.Id FROM Deliveries d
            WHERE d.RetryKey IN (SELECT g.RetryKey FROM Deliveries g WHERE g.Id IN (SELECT Id FROM dispatch_due))
              AND d.BotId = @bot AND d.State = 0
            ON CONFLICT DO NOTHING
            """, ct, args);
        var blocked = await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Skipped}, SkipReason = {(int)DeliverySkipReason.Blocked}
            WHERE Id IN (SELECT Id FROM dispatch_due) AND State = 0
              AND MemberId IN (SELECT m.Id FROM Members m WHERE m.BotId = @bot AND m.IsBlocked = TRUE)
            """, ct, args);
        long skipped = 0;
        foreach (var source in _sources)
        {
            await SqlBatch.ExecuteAsync(db, tx, "DELETE FROM dispatch_source", ct);
            var rows = await SqlBatch.ExecuteAsync(db, tx, """
                INSERT INTO dispatch_source (Id)
                SELECT d.Id FROM dispatch_due x JOIN Deliveries d ON d.Id = x.Id WHERE d.Source = @source AND d.State = 0
                """, ct, ("@source", (int)source.Source));
            if (rows == 0) continue;
            await source.BeforeSendAsync(db, tx, "dispatch_source", now, ct);
            skipped += await SqlBatch.ScalarAsync(db, tx,
                "SELECT count(*) FROM dispatch_source x JOIN Deliveries d ON d.Id = x.Id WHERE d.State <> 0", ct);
        }

        var due = new List<DueRow>(taken);
        await using (var read = db.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = """
                SELECT d.Id, d.RetryKey, d.MessageId, m.LineUserId, coalesce(m.RegisteredName, m.DisplayName)
                FROM dispatch_due x JOIN Deliveries d ON d.Id = x.Id JOIN Members m ON m.Id = d.MemberId
                WHERE d.State = 0
                """;
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                due.Add(new DueRow(reader.GetInt64(0), reader.GetUuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
        }
        var missing = due.Select(r => r.MessageId).Distinct().Where(id => !contents.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            await using var read = db.CreateCommand();
            read.Transaction = tx;
            read.CommandText = $"SELECT Id, ContentJson FROM StoredMessages WHERE Id IN ({string.Join(",", missing)})";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) contents[reader.GetInt64(0)] = MessageContent.Parse(reader.GetString(1));
        }
        await tx.CommitAsync(ct);
        return (due, blocked, skipped);
    }

    private readonly record struct Outcome(long Id, PushOutcome Result, string? Error);

    /// <summary>Pushes every group of rows sharing a retry key (one row: push; several: one multicast), paced and concurrent.</summary>
    private async Task<Outcome[]> PushAsync(string token, List<DueRow> rows, ConcurrentDictionary<long, MessageContent> contents,
        CancellationToken ct)
    {
        var groups = rows.GroupBy(r => r.RetryKey).Select(g => g.ToList()).ToList();
        var results = new PushResult[groups.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, groups.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct }, async (i, token2) =>
            {
                var group = groups[i];
                var first = group[0];
                var key = first.RetryKey;
                var content = contents[first.MessageId];
                try
                {
                    if (group.Count == 1)
                    {
                        results[i] = await _messenger.PushAsync(token, first.LineUserId, content.ToLineMessages(first.Name), key, token2);
                    }
                    else if (group.Count > MulticastMax)
                        results[i] = new PushResult(PushOutcome.Refused, $"一度に送れるのは{MulticastMax}人までです。");
                    else
                    {
                        results[i] = await _messenger.MulticastAsync(token, [.. group.Select(r => r.LineUserId)], content.ToLineMessages(null), key, token2);
                    }
                }
                catch (Exception ex) when (!token2.IsCancellationRequested)
                {
                    // LINE may or may not have it: retried later with the same key. No exception text (it may carry a URL).
                    results[i] = new PushResult(PushOutcome.Unavailable, "LINEに接続できませんでした (" + ex.GetType().Name + ")");
                }
            });
        var outcomes = new List<Outcome>(rows.Count);
        for (var i = 0; i < groups.Count; i++)
            foreach (var row in groups[i])
                outcomes.Add(new Outcome(row.Id, results[i].Outcome, results[i].Error));
        return [.. outcomes];
    }

    private sealed record Marked(long Sent, long Failed, long Retrying);

    /// <summary>One transaction for the whole batch: Sent (+ the sources' after-send actions), Failed, or pending again.</summary>
    private async Task<Marked> MarkBatchAsync(DbConnection db, Outcome[] outcomes, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        await using var tx = await db.BeginTransactionAsync(ct);
        await SqlBatch.ExecuteAsync(db, tx, "DELETE FROM dispatch_result", ct);
        await SqlBatch.InsertAsync(db, tx, "INSERT INTO dispatch_result (Id, Outcome, Error)", 3, "", outcomes, (o, v) =>
        {
            v[0] = o.Id;
            v[1] = (int)o.Result;
            v[2] = o.Error;
        }, ct);
        (string, object?)[] args =
        [
            ("@now", now.UtcTicks), ("@max", _options.MaxAttempts), ("@cap", _options.MaxBackoff.Ticks),
            ("@quotaWait", _options.QuotaWait.Ticks),
        ];
        const string error = "(SELECT r.Error FROM dispatch_result r WHERE r.Id = Deliveries.Id)";
        var sent = await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Sent}, SentAt = @now, Attempts = Attempts + 1, Error = NULL, SkipReason = NULL
            WHERE Id IN (SELECT Id FROM dispatch_result WHERE Outcome = {(int)PushOutcome.Sent})
            """, ct, args);
        var failed = await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET State = {(int)DeliveryState.Failed}, Attempts = Attempts + 1, Error = {error}
            WHERE Id IN (SELECT Id FROM dispatch_result WHERE Outcome = {(int)PushOutcome.Refused}) AND State = 0
            """, ct, args);
        long retrying = 0;
        foreach (var (outcome, backoff) in new[] { (PushOutcome.RateLimited, _options.RateLimitBackoff), (PushOutcome.Unavailable, _options.UnavailableBackoff) })
        {
            var gaveUp = await SqlBatch.ExecuteAsync(db, tx, $"""
                UPDATE Deliveries SET State = {(int)DeliveryState.Failed}, Attempts = Attempts + 1,
                    Error = '再送の上限(' || @max || '回)に達しました: ' || coalesce({error}, '')
                WHERE Id IN (SELECT Id FROM dispatch_result WHERE Outcome = {(int)outcome}) AND State = 0 AND Attempts + 1 >= @max
                """, ct, args);
            failed += gaveUp;
            retrying += await SqlBatch.ExecuteAsync(db, tx, $"""
                UPDATE Deliveries SET Attempts = Attempts + 1, Error = {error}, DueAt = @now + {SqlDialect.Of(db).Pick(sqlite: "min", postgres: "least")}(@step << Attempts, @cap)
                WHERE Id IN (SELECT Id FROM dispatch_result WHERE Outcome = {(int)outcome}) AND State = 0
                """, ct, [.. args, ("@step", backoff.Ticks)]);
        }
        var quota = await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Deliveries SET Error = {error}, DueAt = @now + @quotaWait
            WHERE Id IN (SELECT Id FROM dispatch_result WHERE Outcome = {(int)PushOutcome.QuotaExceeded}) AND State = 0
            """, ct, args);
        foreach (var source in _sources)
        {
            await SqlBatch.ExecuteAsync(db, tx, "DELETE FROM dispatch_source", ct);
            var rows = await SqlBatch.ExecuteAsync(db, tx, $"""
                INSERT INTO dispatch_source (Id)
                SELECT r.Id FROM dispatch_result r JOIN Deliveries d ON d.Id = r.Id WHERE r.Outcome = {(int)PushOutcome.Sent} AND d.Source = @source
                """, ct, ("@source", (int)source.Source));
            if (rows > 0) await source.AfterSentAsync(db, tx, "dispatch_source", now, ct);
        }
        await tx.CommitAsync(ct);
        return new Marked(sent, failed, retrying + quota);
    }
}
