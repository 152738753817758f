using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging.Broadcasts;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Tags;

/// <summary>One tag on タグリスト: how many members have it and what uses it (a used tag cannot be deleted).</summary>
public sealed record TagSummary(int Id, string Name, string? Folder, int Members, bool UsedByIdentityForm, int Rules, int Version)
{
    public bool InUse => UsedByIdentityForm || Rules > 0;
}

/// <summary>A folder and its tags by name; <see cref="Name"/> is null for the tags without a folder (未分類).
/// <see cref="Members"/> counts each member once, however many of the folder's tags they have.</summary>
public sealed record TagFolder(string? Name, int Members, IReadOnlyList<TagSummary> Tags);

/// <summary>A bot's tags: folders by name, then the tags without a folder.</summary>
public sealed record TagList(IReadOnlyList<TagFolder> Folders)
{
    public int TagCount => Folders.Sum(f => f.Tags.Count);
    public IEnumerable<string> FolderNames => Folders.Where(f => f.Name is not null).Select(f => f.Name!);
}

/// <summary>
/// The outcome of a change on タグリスト: the tag's id, why it was refused (Japanese), or stale (<see cref="Fresh"/>: the tag
/// changed since the screen loaded it; nothing was written).
/// </summary>
public sealed record TagResult(int? TagId, string? Error)
{
    /// <summary>The tag as it is now, when the change was refused because the tag changed since the screen loaded it.</summary>
    public Tag? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Error is null && !IsStale;
    public static TagResult Ok(int tagId) => new(tagId, null);
    public static TagResult Failed(string error) => new(null, error);
    public static TagResult Stale(Tag fresh) => new(null, null) { Fresh = fresh };
}

/// <summary>
/// タグリスト: a bot's tags in folders, with the number of members who have each one, and the
/// operator's changes. Names are unique per bot and at most <see cref="Tag.MaxNameLength"/> characters,
/// as are folder names. A tag that the identity form adds, a tag rule sets, a step or follow message uses or a booked
/// broadcast targets is not deleted: the operator is told what uses it (the schema's Restrict keys are the backstop).
/// </summary>
public sealed class TagCatalog(IDbContextFactory<EcaiDb> dbs, ILiveEvents live, TimeProvider clock)
{
    public const string NotFound = "タグが見つかりません。";
    public const string FolderNotFound = "フォルダが見つかりません。";
    public const string UsedByIdentityForm = "本人確認フォームで使われているため削除できません。";

    public static string UsedByRules(int count) => $"タグの自動設定({count}件)で使われているため削除できません。";

    public static string UsedBySteps(int count) => $"ステップメッセージ({count}件)で使われているため削除できません。";

    public static string UsedByFollowMessages(int count) => $"引上フォローメッセージ({count}件)で使われているため削除できません。";

    public static string UsedByBookedBroadcasts(int count) => $"予約中の一斉配信({count}件)で使われているため削除できません。";

    /// <summary>All the bot's tags with counts: two grouped queries (per tag, per folder) whatever the number of tags.</summary>
    public async Task<TagList> ListAsync(int botId, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();

        var tags = new List<TagSummary>();
        await using (var command = Command(db, """
            SELECT t.Id, t.Name, t.Folder, coalesce(c.n, 0), f.TagId IS NOT NULL, coalesce(r.n, 0), t.Version
            FROM Tags t
            LEFT JOIN (SELECT mt.TagId, count(*) AS n FROM MemberTags mt JOIN Tags x ON x.Id = mt.TagId
                       WHERE x.BotId = @bot GROUP BY mt.TagId) c ON c.TagId = t.Id
            LEFT JOIN (SELECT TagId, count(*) AS n FROM TagRules WHERE BotId = @bot GROUP BY TagId) r ON r.TagId = t.Id
            LEFT JOIN IdentityFormTags f ON f.BotId = @bot AND f.TagId = t.Id
            WHERE t.BotId = @bot
            """, botId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                tags.Add(new TagSummary(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt32(3), reader.GetBoolean(4), reader.GetInt32(5), reader.GetInt32(6)));

        var folderMembers = new Dictionary<string, int>(StringComparer.Ordinal);
        var unfiled = 0;
        await using (var command = Command(db, """
            SELECT t.Folder, count(DISTINCT mt.MemberId) FROM MemberTags mt JOIN Tags t ON t.Id = mt.TagId
            WHERE t.BotId = @bot GROUP BY t.Folder
            """, botId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                if (reader.IsDBNull(0)) unfiled = reader.GetInt32(1);
                else folderMembers[reader.GetString(0)] = reader.GetInt32(1);

        var folders = tags.GroupBy(t => t.Folder)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagFolder(g.Key, g.Key is { } name ? folderMembers.GetValueOrDefault(name) : unfiled,
                g.OrderBy(t => t.Name, StringComparer.Ordinal).ToList()))
            .ToList();
        return new TagList(folders);
    }

    public async Task<TagResult> CreateAsync(int botId, string name, string? folder, CancellationToken ct)
    {
        var (cleanName, cleanFolder) = (Clean(name), Clean(folder));
        if ((NameError(cleanName) ?? FolderError(cleanFolder)) is { } error) return TagResult.Failed(error);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Tags.AnyAsync(t => t.BotId == botId && t.Name == cleanName, ct)) return TagResult.Failed(Duplicate(cleanName!));
        var tag = new Tag { BotId = botId, Name = cleanName!, Folder = cleanFolder, CreatedAt = clock.GetUtcNow() };
        db.Tags.Add(tag);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (IsConstraint(e)) { return TagResult.Failed(Duplicate(cleanName!)); } // created meanwhile
        live.Publish(new TagsChanged(botId));
        return TagResult.Ok(tag.Id);
    }

    /// <summary>
    /// Renames a tag. <paramref name="loadedVersion"/> is the tag's <see cref="Tag.Version"/> the screen showed: when the tag
    /// changed since (renamed or moved elsewhere), nothing is written and the result carries the fresh tag.
    /// </summary>
    public async Task<TagResult> RenameAsync(int botId, int tagId, string newName, int loadedVersion, CancellationToken ct)
    {
        var name = Clean(newName);
        if (NameError(name) is { } error) return TagResult.Failed(error);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId && t.BotId == botId, ct);
        if (tag is null) return TagResult.Failed(NotFound);
        if (tag.Version != loadedVersion) return TagResult.Stale(tag);
        if (tag.Name == name) return TagResult.Ok(tag.Id);
        if (await db.Tags.AnyAsync(t => t.BotId == botId && t.Name == name && t.Id != tagId, ct)) return TagResult.Failed(Duplicate(name!));
        tag.Name = name!;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await FreshAsync(botId, tagId, ct); } // changed after the read above
        catch (DbUpdateException e) when (IsConstraint(e)) { return TagResult.Failed(Duplicate(name!)); }
        live.Publish(new TagsChanged(botId));
        return TagResult.Ok(tag.Id);
    }

    /// <summary>
    /// Moves a tag into a folder (a new folder name makes the folder); null or blank: 未分類. Refused like
    /// <see cref="RenameAsync"/> when the tag changed since the screen loaded <paramref name="loadedVersion"/>.
    /// </summary>
    public async Task<TagResult> MoveAsync(int botId, int tagId, string? folder, int loadedVersion, CancellationToken ct)
    {
        var clean = Clean(folder);
        if (FolderError(clean) is { } error) return TagResult.Failed(error);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var moved = await db.Tags.Where(t => t.Id == tagId && t.BotId == botId && t.Version == loadedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Folder, clean).SetProperty(t => t.Version, t => t.Version + 1), ct);
        if (moved == 0) return await FreshAsync(botId, tagId, ct);
        live.Publish(new TagsChanged(botId));
        return TagResult.Ok(tagId);
    }

    /// <summary>A refused change: the tag as it is now, or not found.</summary>
    private async Task<TagResult> FreshAsync(int botId, int tagId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var fresh = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId && t.BotId == botId, ct);
        return fresh is null ? TagResult.Failed(NotFound) : TagResult.Stale(fresh);
    }

    /// <summary>Renames a folder, i.e. moves all its tags; renaming onto an existing folder merges the two.
    /// Returns null on success, else the Japanese reason.</summary>
    public async Task<string?> RenameFolderAsync(int botId, string oldName, string newName, CancellationToken ct)
    {
        var (from, to) = (Clean(oldName), Clean(newName));
        if (to is null) return "フォルダ名を入力してください。";
        if (FolderError(to) is { } error) return error;
        if (from is null) return FolderNotFound;

        await using var db = await dbs.CreateDbContextAsync(ct);
        var moved = await db.Tags.Where(t => t.BotId == botId && t.Folder == from)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Folder, to).SetProperty(t => t.Version, t => t.Version + 1), ct);
        if (moved == 0) return FolderNotFound;
        live.Publish(new TagsChanged(botId));
        return null;
    }

    /// <summary>Why the tag cannot be deleted now (not found, or what uses it), or null; changes nothing.
    /// Lets a screen say so before asking for confirmation; <see cref="DeleteAsync"/> checks again.</summary>
    public async Task<string?> DeleteBlockerAsync(int botId, int tagId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Tags.AnyAsync(t => t.Id == tagId && t.BotId == botId, ct)) return NotFound;
        return await InUseAsync(db, tagId, ct);
    }

    /// <summary>
    /// Deletes a tag and takes it off every member, in one transaction; refused with the reason while
    /// the identity form adds it or a tag rule sets it. Members' past tag events stay as history.
    /// Returns null on success, else the Japanese reason.
    /// </summary>
    public async Task<string?> DeleteAsync(int botId, int tagId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Tags.AnyAsync(t => t.Id == tagId && t.BotId == botId, ct)) return NotFound;
        if (await InUseAsync(db, tagId, ct) is { } reason) return reason;

        try
        {
            await db.MemberTags.Where(m => m.TagId == tagId).ExecuteDeleteAsync(ct);
            await db.Tags.Where(t => t.Id == tagId).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (SqlDialect.IsConstraint(e)) // a new use the checks did not know
        {
            return "ほかの設定で使われているため削除できません。";
        }
        live.Publish(new TagsChanged(botId));
        return null;
    }

    /// <summary>Why the tag cannot be deleted now, or null. Each kind of user of a tag has its check here.</summary>
    private static async Task<string?> InUseAsync(EcaiDb db, int tagId, CancellationToken ct)
    {
        if (await db.IdentityFormTags.AnyAsync(f => f.TagId == tagId, ct)) return UsedByIdentityForm;
        var rules = await db.TagRules.CountAsync(r => r.TagId == tagId, ct);
        if (rules > 0) return UsedByRules(rules);
        // Messages that start from the tag, target members by it or change it when sent.
        var steps = await Messaging.Steps.StepScenarios.CountUsingTagAsync(db, tagId, ct);
        if (steps > 0) return UsedBySteps(steps);
        var follows = await Messaging.Follow.FollowMessages.TagUsesAsync(db, tagId, ct);
        if (follows > 0) return UsedByFollowMessages(follows);
        var broadcasts = await BookedBroadcastsUsingAsync(db, tagId, ct);
        if (broadcasts > 0) return UsedByBookedBroadcasts(broadcasts);
        return null;
    }

    /// <summary>
    /// Broadcasts still waiting for their time whose audience names the tag: their filter is read when they are planned, so
    /// deleting the tag would change who gets them. Sent, sending and cancelled ones have chosen their members already.
    /// </summary>
    private static async Task<int> BookedBroadcastsUsingAsync(EcaiDb db, int tagId, CancellationToken ct)
    {
        var botId = await db.Tags.Where(t => t.Id == tagId).Select(t => t.BotId).FirstAsync(ct);
        var filters = await db.Broadcasts.Where(b => b.BotId == botId && b.State == BroadcastState.Scheduled && b.FilterJson != null)
            .Select(b => b.FilterJson!).ToListAsync(ct);
        return filters.Count(json => MemberFilter.Parse(json).NamesTag(tagId));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? NameError(string? name) =>
        name is null ? "タグ名を入力してください。"
        : name.Length > Tag.MaxNameLength ? $"タグ名は{Tag.MaxNameLength}文字以内で入力してください。"
        : null;

    private static string? FolderError(string? folder) =>
        folder is { Length: > Tag.MaxNameLength } ? $"フォルダ名は{Tag.MaxNameLength}文字以内で入力してください。" : null;

    private static string Duplicate(string name) => $"「{name}」という名前のタグはすでにあります。";

    private static bool IsConstraint(DbUpdateException e) => SqlDialect.IsConstraint(e);

    private static DbCommand Command(DbConnection db, string sql, int botId)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        command.Add("@bot", botId);
        return command;
    }
}
