using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>A LINE friend to add (follow event, data import, demo seeding).</summary>
public sealed record NewMember(string LineUserId, string DisplayName, DateTimeOffset FriendAddedAt,
    string? Phone = null, string? Email = null, DateOnly? Birthday = null);

/// <summary>Adds members in bulk, normalising their link keys; an existing LINE user id is left as it is.</summary>
public sealed class MemberImport(IDbContextFactory<EcaiDb> dbs)
{
    public async Task<int> AddAsync(int botId, IReadOnlyList<NewMember> members, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        var added = await SqlBatch.InsertAsync(db, tx,
            "INSERT INTO Members (BotId, LineUserId, DisplayName, FriendAddedAt, IsBlocked, PhoneRaw, PhoneNormalized, EmailRaw, EmailNormalized, Birthday, Points)",
            11, "ON CONFLICT(BotId, LineUserId) DO NOTHING", members, (m, v) =>
            {
                v[0] = botId; v[1] = m.LineUserId; v[2] = m.DisplayName; v[3] = m.FriendAddedAt.UtcTicks; v[4] = false;
                v[5] = m.Phone; v[6] = PhoneNormalizer.Normalize(m.Phone); v[7] = m.Email; v[8] = EmailNormalizer.Normalize(m.Email);
                v[9] = m.Birthday?.ToString("yyyy-MM-dd"); v[10] = 0;
            }, ct);
        await tx.CommitAsync(ct);
        return added;
    }
}
