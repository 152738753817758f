using Coravel.Queuing.Interfaces;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Jobs;

/// <summary>Why a カート側商品CSV request was refused (nothing was started).</summary>
public enum ProductCsvRefusal { None, WrongPassword, LockedOut, NotFound }

public sealed record ProductCsvStart(long? JobRunId, ProductCsvRefusal Refusal)
{
    public bool Started => JobRunId is not null;
}

/// <summary>
/// 商品CSVをダウンロード: checks the operator's login password (re-entered in the dialog), opens a run that belongs to
/// them and queues <see cref="ExportProductCsvJob"/>. The password only travels in memory, to lock the zip.
/// A wrong password counts towards the sign-in lockout, as a failed login does.
/// </summary>
public sealed class ProductCsvExports(UserManager<Operator> users, BotAccess access, IDbContextFactory<EcaiDb> dbs,
    JobFiles files, IQueue queue)
{
    public async Task<ProductCsvStart> StartAsync(int botId, int connectionId, string operatorId, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(operatorId);
        if (user is null || !await access.CanOpenAsync(operatorId, botId, ct)) return new(null, ProductCsvRefusal.NotFound);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kind = await db.CartConnections.Where(c => c.Id == connectionId && c.BotId == botId)
            .Select(c => (Ecai.Domain.Carts.CartKind?)c.Kind).SingleOrDefaultAsync(ct);
        if (kind is null) return new(null, ProductCsvRefusal.NotFound);

        if (await users.IsLockedOutAsync(user)) return new(null, ProductCsvRefusal.LockedOut);
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return new(null, ProductCsvRefusal.WrongPassword);
        }
        await users.ResetAccessFailedCountAsync(user);

        var run = await files.StartAsync(botId, ProductCsvExport.Kind, ProductCsvExport.TitleFor(kind.Value), operatorId, ct);
        queue.QueueInvocableWithPayload<ExportProductCsvJob, ProductCsvRequest>(new ProductCsvRequest(run, connectionId, password));
        return new(run.JobRunId, ProductCsvRefusal.None);
    }
}
