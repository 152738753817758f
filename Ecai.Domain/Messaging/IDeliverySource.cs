using System.Data.Common;

namespace Ecai.Domain.Messaging;

/// <summary>
/// What a feature that plans deliveries (steps, follow messages, …) tells the dispatcher. The dispatcher calls it for
/// each batch of due Pending rows of its <see cref="Source"/>, in the dispatcher's transaction, set-wise over the ids in
/// the temp table named by <c>dueTable</c> (one column <c>Id</c>).
/// </summary>
public interface IDeliverySource
{
    DeliverySource Source { get; }

    /// <summary>Before the push: mark Skipped (with reason) the due rows that must not go any more (scenario off, filter no longer matches).</summary>
    Task BeforeSendAsync(DbConnection db, DbTransaction tx, string dueTable, DateTimeOffset now, CancellationToken ct);

    /// <summary>After LINE accepted them: apply the source's actions (tags, rich menu, points) once, in the transaction that marks them Sent.</summary>
    Task AfterSentAsync(DbConnection db, DbTransaction tx, string sentTable, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// A feature that turns what happened (tag events, shipping dates, a broadcast's schedule) into Pending deliveries,
/// set-wise and idempotently (the ledger's unique key makes a repeat a no-op). The scheduler runs every planner of every
/// bot each minute, before the dispatcher sends what is due.
/// </summary>
public interface IDeliveryPlanner
{
    /// <summary>Plans what is new since the last run; returns the number of deliveries written.</summary>
    Task<long> PlanAsync(int botId, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Wakes the dispatcher at once for a bot (a chat reply, a "send now" broadcast) instead of at the next minute.</summary>
public interface IDispatchSignal
{
    void Wake(int botId);
}
