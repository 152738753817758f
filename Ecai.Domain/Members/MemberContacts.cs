using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Ecai.Domain.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>What a member's own details are: 氏名, phone, e-mail, birthday (as entered; blank = none).</summary>
public sealed record ProfileInput(string? Name, string? Phone, string? Email, DateOnly? Birthday);

/// <summary>What saving a member's details did. <see cref="Errors"/> are Japanese, keyed "Name" / "Phone" / "Email" / "Birthday" / "".</summary>
public sealed record ContactResult(IReadOnlyDictionary<string, string> Errors, int NewLinks, int LinkedCustomers)
{
    public bool Succeeded => Errors.Count == 0;

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

    /// <summary>An operator's edit on 会員詳細: every field optional.</summary>
    public Task<ContactResult> SetAsync(int botId, long memberId, ProfileInput input, CancellationToken ct) =>
        SaveAsync(botId, memberId, input, requireNameAndPhone: false, alsoInTransaction: null, ct);

    /// <summary>
    /// Validates, saves and links; <paramref name="alsoInTransaction"/> runs in the same transaction after
    /// linking (the identity form adds its tags there). Nothing is written when a field is invalid.
    /// </summary>
    internal async Task<ContactResult> SaveAsync(int botId, long memberId, ProfileInput input, bool requireNameAndPhone,
        Func<SqliteConnection, SqliteTransaction, Task>? alsoInTransaction, CancellationToken ct)
    {
        var errors = Validate(input, requireNameAndPhone, JapanTime.Today(clock));
        if (errors.Count > 0) return new ContactResult(errors, 0, 0);

        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = (SqliteConnection)context.Database.GetDbConnection();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var updated = await SqlBatch.ExecuteAsync(db, tx, """
            UPDATE Members SET RegisteredName = $name, PhoneRaw = $phone, PhoneNormalized = $phoneN, EmailRaw = $email,
              EmailNormalized = $emailN, Birthday = $birthday
            WHERE Id = $member AND BotId = $bot
            """, ct, ("$name", Blank(input.Name)), ("$phone", Blank(input.Phone)), ("$phoneN", PhoneNormalizer.Normalize(input.Phone)),
            ("$email", Blank(input.Email)), ("$emailN", EmailNormalizer.Normalize(input.Email)),
            ("$birthday", input.Birthday?.ToString("yyyy-MM-dd")), ("$member", memberId), ("$bot", botId));
        if (updated == 0) return ContactResult.Failed("", "会員が見つかりません。");

        var added = await linker.LinkAsync(db, tx, botId, memberId, ct);
        if (alsoInTransaction is not null) await alsoInTransaction(db, tx);
        await rules.RunMemberAsync(db, tx, botId, memberId, ct); // a new link or birthday may satisfy a rule at once
        var linked = await SqlBatch.ScalarAsync(db, tx, "SELECT count(*) FROM CartLinks WHERE MemberId = $member", ct, ("$member", memberId));
        await tx.CommitAsync(ct);
        live.Publish(new DashboardChanged(botId));
        live.Publish(new MemberChanged(botId, memberId));
        return new ContactResult(errors, added, (int)linked);
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
