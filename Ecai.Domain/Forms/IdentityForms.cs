using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Ecai.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Forms;

/// <summary>
/// What the identity form shows a member: what they entered before, how many cart customers they are linked to, the
/// "確認中" text for a submission not linked yet, and the shop's own name (the bot's), which the friend's pages show
/// instead of any cart platform's name.
/// </summary>
public sealed record IdentityFormView(long MemberId, string DisplayName, ProfileInput Entered, int LinkedCustomers, string DoneMessage, string ShopName);

/// <summary>
/// The bot's identity form as the operator sets it up: the tags each submission adds and the "確認中" page text; as read,
/// with the bot's <see cref="Bots.Bot.Version"/> (read first).
/// </summary>
public sealed record IdentityFormSettings(IReadOnlyList<string> TagNames, string DoneMessage, int Version = 0);

/// <summary>
/// What saving the identity form's settings did: Japanese errors by field (nothing saved), or stale (<see cref="Fresh"/>: the
/// bot's settings changed since the page read them; nothing saved). <see cref="Version"/> is the bot's version after a save.
/// </summary>
public sealed record IdentityFormSaveResult(IReadOnlyDictionary<string, string> Errors, int Version)
{
    /// <summary>The settings as they are now, when the save was refused because they changed since the page read them.</summary>
    public IdentityFormSettings? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;
}

/// <summary>
/// 本人確認フォーム (LIFF): a friend enters name, phone, e-mail and birthday; the submission is saved to the
/// member, linked at once (same transaction) and tagged with the form's tags. A form's tags raise a
/// tag-added event on every submission, even when the member already has the tag (the seed's one
/// exception to "never tagged twice"), so a re-submitted form restarts tag-triggered steps.
/// The caller has verified who the friend is (LIFF ID token) before calling.
/// </summary>
public sealed class IdentityForms(IDbContextFactory<EcaiDb> dbs, MemberContacts contacts, ILiveEvents live, TimeProvider clock)
{
    public const string DefaultDoneMessage = "ご登録ありがとうございます。\n本人情報の確認中です。確認が済むまでしばらくお待ちください。";
    public const int MaxDoneMessageLength = 500;

    /// <summary>The form for the friend with this LINE user id; null when the friend is not (or no longer) the bot's member.</summary>
    public async Task<IdentityFormView?> LoadAsync(int botId, string lineUserId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.BotId == botId && m.LineUserId == lineUserId && !m.IsBlocked, ct);
        if (member is null) return null;
        var linked = await db.CartLinks.CountAsync(l => l.MemberId == member.Id, ct);
        var bot = await db.Bots.Where(b => b.Id == botId).Select(b => new { b.Name, b.IdentityFormDoneMessage }).FirstAsync(ct);
        return new IdentityFormView(member.Id, member.DisplayName,
            new ProfileInput(member.RegisteredName, member.PhoneRaw, member.EmailRaw, member.Birthday), linked,
            bot.IdentityFormDoneMessage ?? DefaultDoneMessage, bot.Name);
    }

    /// <summary>
    /// Every Japanese message for what is wrong with a submission, by field (all of them, not the first); empty when
    /// it can be submitted. Checking writes and counts nothing: only a submission that passes uses up the friend's limit.
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(ProfileInput input) =>
        MemberContacts.Validate(input, requireNameAndPhone: true, JapanTime.Today(clock));

    /// <summary>Saves, links and tags in one transaction; nothing is written when a field is invalid (Japanese errors by field).</summary>
    public Task<ContactResult> SubmitAsync(int botId, long memberId, ProfileInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        return contacts.SaveAsync(botId, memberId, input, requireNameAndPhone: true, async (db, tx) =>
        {
            (string, object?)[] args = [("@bot", botId), ("@member", memberId), ("@now", now)];
            await SqlBatch.LockMemberEventsAsync(db, tx, "@bot", ct, args);
            await SqlBatch.ExecuteAsync(db, tx, """
                INSERT INTO MemberTags (MemberId, TagId, AddedAt)
                SELECT @member, TagId, @now FROM IdentityFormTags WHERE BotId = @bot ON CONFLICT DO NOTHING
                """, ct, args);
            await SqlBatch.ExecuteAsync(db, tx, $"""
                INSERT INTO MemberEvents (BotId, MemberId, Kind, TagId, Cause, OccurredAt)
                SELECT @bot, @member, {(int)MemberEventKind.TagAdded}, TagId, {(int)TagCause.IdentityForm}, @now
                FROM IdentityFormTags WHERE BotId = @bot ORDER BY TagId
                """, ct, args);
        }, ct);
    }

    public async Task<IdentityFormSettings> SettingsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var version = await db.Bots.Where(b => b.Id == botId).Select(b => b.Version).FirstOrDefaultAsync(ct); // first: never newer than what follows
        var tags = await (from f in db.IdentityFormTags join t in db.Tags on f.TagId equals t.Id
                          where f.BotId == botId orderby t.Name select t.Name).ToListAsync(ct);
        var message = await db.Bots.Where(b => b.Id == botId).Select(b => b.IdentityFormDoneMessage).FirstOrDefaultAsync(ct);
        return new IdentityFormSettings(tags, message ?? DefaultDoneMessage, version);
    }

    /// <summary>
    /// Sets the form's tags (tags that do not exist yet are created) and its done-page text. Errors are Japanese.
    /// <paramref name="loadedVersion"/> is the <see cref="IdentityFormSettings.Version"/> the page read: when the bot's settings
    /// changed since, nothing is saved and the result carries the fresh settings.
    /// </summary>
    public async Task<IdentityFormSaveResult> SaveSettingsAsync(int botId, IdentityFormSettings settings, int loadedVersion, CancellationToken ct)
    {
        var names = settings.TagNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var message = settings.DoneMessage.Trim();
        var errors = new Dictionary<string, string>();
        if (names.Any(n => n.Length > Tag.MaxNameLength)) errors["TagNames"] = $"タグ名は{Tag.MaxNameLength}文字以内で入力してください。";
        if (message.Length == 0) errors["DoneMessage"] = "送信後に表示する文章を入力してください。";
        else if (message.Length > MaxDoneMessageLength) errors["DoneMessage"] = $"送信後に表示する文章は{MaxDoneMessageLength}文字以内で入力してください。";
        if (errors.Count > 0) return new IdentityFormSaveResult(errors, loadedVersion);

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bot = await db.Bots.FirstOrDefaultAsync(b => b.Id == botId, ct);
        if (bot is null) return new IdentityFormSaveResult(new Dictionary<string, string> { [""] = "BOTが見つかりません。" }, 0);
        if (bot.Version != loadedVersion)
        {
            await tx.RollbackAsync(ct);
            return Stale(await SettingsAsync(botId, ct));
        }
        db.ExpectVersion(bot, loadedVersion); // its tags are rows of their own: the bot's version moves on with them
        bot.IdentityFormDoneMessage = message == DefaultDoneMessage ? null : message;
        var existing = await db.Tags.Where(t => t.BotId == botId && names.Contains(t.Name)).ToListAsync(ct);
        var created = names.Except(existing.Select(t => t.Name))
            .Select(n => new Tag { BotId = botId, Name = n, CreatedAt = clock.GetUtcNow() }).ToList();
        db.Tags.AddRange(created);
        try { await db.SaveChangesAsync(ct); } // the bot row first: a change made after the read above fails here
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return Stale(await SettingsAsync(botId, ct));
        }
        db.IdentityFormTags.RemoveRange(await db.IdentityFormTags.Where(f => f.BotId == botId).ToListAsync(ct));
        db.IdentityFormTags.AddRange(existing.Concat(created).Select(t => new IdentityFormTag { BotId = botId, TagId = t.Id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (created.Count > 0) live.Publish(new TagsChanged(botId));
        return new IdentityFormSaveResult(errors, bot.Version);
    }

    private static IdentityFormSaveResult Stale(IdentityFormSettings fresh) => new(new Dictionary<string, string>(), fresh.Version) { Fresh = fresh };
}
