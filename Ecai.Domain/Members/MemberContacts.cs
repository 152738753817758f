using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>What changing a member's phone and e-mail did. <see cref="Errors"/> are Japanese, keyed "Phone" / "Email" / "".</summary>
public sealed record ContactResult(IReadOnlyDictionary<string, string> Errors, int NewLinks, int LinkedCustomers)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Instant linking: a phone or e-mail entered for a member (member detail, identity form) is saved and
/// linked against everything imported so far in one transaction, so the answer can say whether the
/// member is linked. Links the new values no longer match are removed in the same transaction.
/// </summary>
public sealed class MemberContacts(IDbContextFactory<EcaiDb> dbs, Linker linker, ILiveEvents live)
{
    public async Task<ContactResult> SetAsync(int botId, long memberId, string? phone, string? email, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var phoneNormalized = PhoneNormalizer.Normalize(phone);
        if (!string.IsNullOrWhiteSpace(phone) && phoneNormalized is null)
            errors["Phone"] = "電話番号の形式が正しくありません(例: 090-1234-5678)。";
        var emailNormalized = EmailNormalizer.Normalize(email);
        if (!string.IsNullOrWhiteSpace(email) && emailNormalized is null)
            errors["Email"] = "メールアドレスの形式が正しくありません。";
        if (errors.Count > 0) return new ContactResult(errors, 0, 0);

        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = (SqliteConnection)context.Database.GetDbConnection();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var updated = await SqlBatch.ExecuteAsync(db, tx, """
            UPDATE Members SET PhoneRaw = $phone, PhoneNormalized = $phoneN, EmailRaw = $email, EmailNormalized = $emailN
            WHERE Id = $member AND BotId = $bot
            """, ct, ("$phone", Blank(phone)), ("$phoneN", phoneNormalized), ("$email", Blank(email)), ("$emailN", emailNormalized),
            ("$member", memberId), ("$bot", botId));
        if (updated == 0) return new ContactResult(new Dictionary<string, string> { [""] = "会員が見つかりません。" }, 0, 0);

        var added = await linker.LinkAsync(db, tx, botId, memberId, ct);
        var linked = await SqlBatch.ScalarAsync(db, tx, "SELECT count(*) FROM CartLinks WHERE MemberId = $member", ct, ("$member", memberId));
        await tx.CommitAsync(ct);
        live.Publish(new DashboardChanged(botId));
        return new ContactResult(errors, added, (int)linked);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
