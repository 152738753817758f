using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>What a member's own details are: 氏名, phone, e-mail, birthday (as entered; blank = none).</summary>
public sealed record ProfileInput(string? Name, string? Phone, string? Email, DateOnly? Birthday);

/// <summary>
/// What saving a member's details did: saved, invalid (<see cref="Errors"/>, Japanese, keyed "Name" / "Phone" / "Email" /
/// "Birthday" / ""), or stale (<see cref="Fresh"/>: the member changed since the form loaded it; nothing was written).
/// </summary>
public sealed record ContactResult(IReadOnlyDictionary<string, string> Errors, int NewLinks, int LinkedCustomers)
{
    /// <summary>The member as it is now, when the save was refused because it changed since the form loaded it.</summary>
    public Member? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;

    public static ContactResult Failed(string key, string message) => new(new Dictionary<string, string> { [key] = message }, 0, 0);
}

/// <summary>
/// Instant linking: the details entered for a member (会員詳細, identity form) are saved and linked
/// against everything imported so far in one transaction, so the answer can say whether the member is
/// linked. Links the new values no longer match are removed in the same transaction.
/// </summary>
public sealed class MemberContacts(IDbContextFactory<EcaiDb> dbs, Linker linker, Tags.TagRuleEngine rules, ILiveEvents live, TimeProvider clock)
{
    public const int MaxNameLength = 50;
    public const string PhoneRemovalUnconfirmed = "電話番号を削除する場合は「電話番号を削除する」にチェックを入れてください。";

    /// <summary>
    /// An operator's edit on 会員詳細: every field optional. <paramref name="loadedVersion"/> is the member's
    /// <see cref="Member.Version"/> the form loaded: when the member changed since, nothing is written and the
    /// result carries the fresh member. A stored phone is removed only with <paramref name="removePhone"/>.
    /// </summary>
    public Task<ContactResult> SetAsync(int botId, long memberId, ProfileInput input, int loadedVersion, bool removePhone, CancellationToken ct) =>
        SaveAsync(botId, memberId, input, requireNameAndPhone: false, alsoInTransaction: null, ct, loadedVersion, removePhone);

    /// <summary>
    /// Validates, saves and links; <paramref name="alsoInTransaction"/> runs in the same transaction after
    /// linking (the identity form adds its tags there). Nothing is written when a field is invalid.
    /// </summary>
    internal async Task<ContactResult> SaveAsync(int botId, long memberId, ProfileInput input, bool requireNameAndPhone,
        Func<DbConnection, DbTransaction, Task>? alsoInTransaction, CancellationToken ct, int? loadedVersion = null, bool removePhone = false)
    {
        var errors = Validate(input, requireNameAndPhone, JapanTime.Today(clock));
        if (errors.Count > 0) return new ContactResult(errors, 0, 0);

        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        (string, object?)[] key = [("@member", memberId), ("@bot", botId)];
        // The linking (and the identity form's tag events) below write member events: take their lock first, before any row.
        await SqlBatch.LockMemberEventsAsync(db, tx, "@bot", ct, key);
        var current = await SqlBatch.ScalarAsync(db, tx, "SELECT coalesce((SELECT Version FROM Members WHERE Id = @member AND BotId = @bot), -1)", ct, key);
        if (current < 0) return ContactResult.Failed("", "会員が見つかりません。");
        if (loadedVersion is { } loaded && loaded != current) return await StaleAsync(context, tx, botId, memberId, ct);
        if (loadedVersion is not null && Blank(input.Phone) is null && !removePhone
            && await SqlBatch.ScalarAsync(db, tx, "SELECT count(*) FROM Members WHERE Id = @member AND PhoneRaw IS NOT NULL", ct, key) > 0)
            return ContactResult.Failed("Phone", PhoneRemovalUnconfirmed); // an emptied phone field alone never wipes the phone

        // The version read above is the condition, so a writer in between makes this a stale refusal, not a lost update.
        var updated = await SqlBatch.ExecuteAsync(db, tx, """
            UPDATE Members SET RegisteredName = @name, PhoneRaw = @phone, PhoneNormalized = @phoneN, EmailRaw = @email,
              EmailNormalized = @emailN, Birthday = @birthday, Version = Version + 1
            WHERE Id = @member AND BotId = @bot AND Version = @version
            """, ct, [.. key, ("@name", Blank(input.Name)), ("@phone", Blank(input.Phone)), ("@phoneN", PhoneNormalizer.Normalize(input.Phone)),
            ("@email", Blank(input.Email)), ("@emailN", EmailNormalizer.Normalize(input.Email)),
            ("@birthday", input.Birthday), ("@version", current)]);
        if (updated == 0) return await StaleAsync(context, tx, botId, memberId, ct);

        var added = await linker.LinkAsync(db, tx, botId, memberId, ct);
        if (alsoInTransaction is not null) await alsoInTransaction(db, tx);
        await rules.RunMemberAsync(db, tx, botId, memberId, ct); // a new link or birthday may satisfy a rule at once
        var linked = await SqlBatch.ScalarAsync(db, tx, "SELECT count(*) FROM CartLinks WHERE MemberId = @member", ct, ("@member", memberId));
        await tx.CommitAsync(ct);
        live.Publish(new DashboardChanged(botId));
        live.Publish(new MemberChanged(botId, memberId));
        return new ContactResult(errors, added, (int)linked);
    }

    private static async Task<ContactResult> StaleAsync(EcaiDb context, DbTransaction tx, int botId, long memberId, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        var fresh = await context.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.BotId == botId, ct);
        return fresh is null ? ContactResult.Failed("", "会員が見つかりません。") : new ContactResult(new Dictionary<string, string>(), 0, 0) { Fresh = fresh };
    }

    /// <summary>Japanese messages for what cannot be saved; empty when everything can.</summary>
    public static Dictionary<string, string> Validate(ProfileInput input, bool requireNameAndPhone, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var name = Blank(input.Name);
        if (name is null && requireNameAndPhone) errors["Name"] = "お名前を入力してください。";
        else if (name is { Length: > MaxNameLength }) errors["Name"] = $"お名前は{MaxNameLength}文字以内で入力してください。";

        if (Blank(input.Phone) is null)
        {
            if (requireNameAndPhone) errors["Phone"] = "電話番号を入力してください。";
        }
        else if (PhoneNormalizer.Normalize(input.Phone) is null)
            errors["Phone"] = "電話番号の形式が正しくありません(例: 090-1234-5678)。";

        if (Blank(input.Email) is not null && EmailNormalizer.Normalize(input.Email) is null)
            errors["Email"] = "メールアドレスの形式が正しくありません。";

        if (input.Birthday is { } birthday && (birthday > today || birthday.Year < 1900))
            errors["Birthday"] = "生年月日が正しくありません。";
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
