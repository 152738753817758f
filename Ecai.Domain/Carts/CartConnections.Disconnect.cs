using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Carts;

/// <summary>
/// What 連携解除 of one connection removes: the imported customers and orders and the members' links (always), and
/// what depends on the cart — follow messages on its products, step messages and tag rules whose condition names it —
/// which the operator may keep switched off instead. Names are those the operator gave (messages) or the rule's text.
/// </summary>
public sealed record DisconnectPlan(
    int ConnectionId, CartKind Kind, string CartDomain, int Customers, int Orders, int LinkedMembers,
    IReadOnlyList<string> FollowMessages, IReadOnlyList<string> Steps, IReadOnlyList<string> TagRules)
{
    public bool HasDependents => FollowMessages.Count + Steps.Count + TagRules.Count > 0;
}

public sealed partial class CartConnections
{
    /// <summary>What <see cref="DisconnectAsync"/> would remove; null when the bot has no such connection.</summary>
    public async Task<DisconnectPlan?> PreviewDisconnectAsync(int botId, int connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CartConnections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == connectionId && x.BotId == botId, ct);
        if (c is null) return null;
        var dependents = await DependentsAsync(db, botId, connectionId, ct);
        return new DisconnectPlan(c.Id, c.Kind, c.CartDomain,
            await db.CartCustomers.CountAsync(x => x.ConnectionId == connectionId, ct),
            await db.CartOrders.CountAsync(x => x.ConnectionId == connectionId, ct),
            await db.CartLinks.Where(l => l.ConnectionId == connectionId).Select(l => l.MemberId).Distinct().CountAsync(ct),
            dependents.Follow.Select(f => f.Name).ToList(),
            dependents.Steps.Select(s => s.Name).ToList(),
            dependents.Rules.Select(r => $"{r.TagName}: {TagRules.Describe(r.Rule, CartNames.Of(c.Kind), null)}").ToList());
    }

    /// <summary>
    /// 連携解除: removes the connection with everything imported through it (customers, orders, links), set-wise in one
    /// transaction, and the follow messages, step messages and tag rules that depend on it — or, with
    /// <paramref name="keepDependents"/>, keeps those switched off (their pending sends stopped; follow messages
    /// without a cart). Exactly what <see cref="PreviewDisconnectAsync"/> named. False when there is no such connection.
    /// </summary>
    public async Task<bool> DisconnectAsync(int botId, int connectionId, bool keepDependents, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.CartConnections.AnyAsync(c => c.Id == connectionId && c.BotId == botId, ct)) return false;
        var dependents = await DependentsAsync(db, botId, connectionId, ct);
        var followIds = dependents.Follow.Select(f => f.Id).ToList();
        var stepIds = dependents.Steps.Select(s => s.Id).ToList();
        var ruleIds = dependents.Rules.Select(r => r.Rule.Id).ToList();
        var now = clock.GetUtcNow();

        // Their pending sends stop either way (the ledger's history stays).
        var followScenarios = db.Set<FollowScenario>().Where(s => followIds.Contains(s.FollowMessageId)).Select(s => s.Id);
        var scenarioSteps = db.Set<ScenarioStep>().Where(st => stepIds.Contains(st.ScenarioId)).Select(st => (long)st.Id);
        await db.Deliveries.Where(d => d.BotId == botId && d.State == DeliveryState.Pending
                                       && (d.Source == DeliverySource.Follow && followScenarios.Contains(d.SourceId)
                                           || d.Source == DeliverySource.Step && scenarioSteps.Contains(d.SourceId)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.SkipReason, DeliverySkipReason.Stopped), ct);

        if (keepDependents)
        {
            await db.Set<FollowMessage>().Where(f => followIds.Contains(f.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Enabled, false).SetProperty(f => f.ConnectionId, (int?)null).SetProperty(f => f.UpdatedAt, now)
                .SetProperty(f => f.Version, f => f.Version + 1), ct);
            await db.Set<StepScenario>().Where(s => stepIds.Contains(s.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Enabled, false).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
            await db.TagRules.Where(r => ruleIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, false), ct); // the switch: no version
        }
        else
        {
            await db.Set<FollowMessage>().Where(f => followIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
            await db.Set<ScenarioStep>().Where(st => stepIds.Contains(st.ScenarioId)).ExecuteDeleteAsync(ct);
            await db.Set<StepScenario>().Where(s => stepIds.Contains(s.Id)).ExecuteDeleteAsync(ct);
            await db.TagRules.Where(r => ruleIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        // Customers, orders, lines, subscriptions, products, checkouts and links go with the connection (foreign keys).
        await db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        live.Publish(new ConnectionChanged(botId, connectionId));
        live.Publish(new DashboardChanged(botId));
        return true;
    }

    private sealed record Dependents(
        IReadOnlyList<(int Id, string Name)> Follow, IReadOnlyList<(int Id, string Name)> Steps, IReadOnlyList<(TagRule Rule, string TagName)> Rules);

    /// <summary>What depends on the connection: its follow messages, steps whose filter names it, and tag rules restricted to it.</summary>
    private static async Task<Dependents> DependentsAsync(EcaiDb db, int botId, int connectionId, CancellationToken ct)
    {
        var follow = (await db.Set<FollowMessage>().Where(f => f.BotId == botId && f.ConnectionId == connectionId)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.Name }).ToListAsync(ct))
            .Select(f => (f.Id, f.Name)).ToList();
        var steps = (await db.Set<StepScenario>().Where(s => s.BotId == botId && s.FilterJson != null)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.FilterJson }).ToListAsync(ct))
            .Where(s => MemberFilter.Parse(s.FilterJson!).NamesConnection(connectionId))
            .Select(s => (s.Id, s.Name)).ToList();
        var rules = (await (from r in db.TagRules join t in db.Tags on r.TagId equals t.Id
                            where r.BotId == botId && r.ConnectionId == connectionId orderby r.Id select new { r, t.Name })
                .AsNoTracking().ToListAsync(ct))
            .Select(x => (x.r, x.Name)).ToList();
        return new Dependents(follow, steps, rules);
    }
}
