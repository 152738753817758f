using Ecai.Domain.Bots;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Operators;

/// <summary>Which bots an operator may open. Every bot-scoped screen and hub call asks here.</summary>
public sealed class BotAccess(IDbContextFactory<EcaiDb> dbs)
{
    public async Task<IReadOnlyList<Bot>> BotsForAsync(string operatorId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Bots
            .Where(b => db.OperatorBots.Any(g => g.OperatorId == operatorId && g.BotId == b.Id))
            .OrderBy(b => b.Id)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    public async Task<bool> CanOpenAsync(string operatorId, int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OperatorBots.AnyAsync(g => g.OperatorId == operatorId && g.BotId == botId, ct);
    }

    public async Task GrantAsync(string operatorId, int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.OperatorBots.AnyAsync(g => g.OperatorId == operatorId && g.BotId == botId, ct)) return;
        db.OperatorBots.Add(new OperatorBot { OperatorId = operatorId, BotId = botId });
        await db.SaveChangesAsync(ct);
    }
}
