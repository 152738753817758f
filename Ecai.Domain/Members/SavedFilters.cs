using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>One saved filter as listed (保存した条件), its filter read back, with the <see cref="SavedFilter.Version"/> read.</summary>
public sealed record SavedFilterItem(int Id, string Name, MemberFilter Filter, DateTimeOffset UpdatedAt, int Version);

/// <summary>
/// The outcome of a change to a saved filter: its id, the Japanese reasons it was refused (nothing changed), or stale
/// (<see cref="Fresh"/>: it changed since the screen read it; nothing changed).
/// </summary>
public sealed record SavedFilterResult(int? Id, IReadOnlyList<string> Errors)
{
    /// <summary>The saved filter as it is now, when the change was refused because it changed since the screen read it.</summary>
    public SavedFilterItem? Fresh { get; init; }
    public bool IsStale => Fresh is not null;
    public bool Succeeded => Errors.Count == 0 && !IsStale;
    public static SavedFilterResult Ok(int id) => new(id, []);
    public static SavedFilterResult Failed(params string[] errors) => new(null, errors);
    public static SavedFilterResult Failed(IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>
/// 保存した条件: a bot's member filters kept by name. A broadcast or a step that uses one copies the filter (it keeps its own
/// JSON), so changing or deleting a saved filter later changes no broadcast or step. Every change is refused with a
/// Japanese reason, changing nothing, for a blank or too long name, a name the bot already uses (letter case aside), a
/// filter with <see cref="MemberFilter.Problems"/>, or an id that is not one of the bot's saved filters.
/// </summary>
public sealed class SavedFilters(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    public const string NotFound = "保存した条件が見つかりません。";
    public const string NameRequired = "条件の名前を入力してください。";
    public static readonly string NameTooLong = $"条件の名前は{SavedFilter.MaxNameLength}文字以内で入力してください。";

    public static string Duplicate(string name) => $"「{name}」という名前の条件はすでに保存されています。";

    /// <summary>The bot's saved filters by name.</summary>
    public async Task<IReadOnlyList<SavedFilterItem>> ListAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.SavedFilters.Where(f => f.BotId == botId)
            .Select(f => new { f.Id, f.Name, f.FilterJson, f.UpdatedAt, f.Version }).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new SavedFilterItem(r.Id, r.Name, MemberFilter.Parse(r.FilterJson), r.UpdatedAt, r.Version)).ToList();
    }

    /// <summary>One of the bot's saved filters, or null (another bot's id included).</summary>
    public async Task<SavedFilterItem?> GetAsync(int botId, int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.SavedFilters.Where(f => f.Id == id && f.BotId == botId)
            .Select(f => new { f.Id, f.Name, f.FilterJson, f.UpdatedAt, f.Version }).FirstOrDefaultAsync(ct);
        return row is null ? null : new SavedFilterItem(row.Id, row.Name, MemberFilter.Parse(row.FilterJson), row.UpdatedAt, row.Version);
    }

    /// <summary>Saves <paramref name="filter"/> under a new name.</summary>
    public async Task<SavedFilterResult> SaveAsNewAsync(int botId, string? name, MemberFilter filter, CancellationToken ct)
    {
        var clean = Clean(name);
        var errors = NameErrors(clean).Concat(filter.Problems()).ToList();
        if (errors.Count > 0) return SavedFilterResult.Failed(errors);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = SavedFilter.KeyOf(clean!);
        if (await db.SavedFilters.AnyAsync(f => f.BotId == botId && f.NameKey == key, ct)) return SavedFilterResult.Failed(Duplicate(clean!));
        var now = clock.GetUtcNow();
        var saved = new SavedFilter { BotId = botId, Name = clean!, NameKey = key, FilterJson = filter.ToJson(), CreatedAt = now, UpdatedAt = now };
        db.SavedFilters.Add(saved);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (IsConstraint(e)) { return SavedFilterResult.Failed(Duplicate(clean!)); } // saved meanwhile
        return SavedFilterResult.Ok(saved.Id);
    }

    /// <summary>
    /// Replaces a saved filter's conditions, keeping its name. <paramref name="loadedVersion"/> is the
    /// <see cref="SavedFilterItem.Version"/> the screen read: when the saved filter changed since, nothing is written and the
    /// result carries the fresh one.
    /// </summary>
    public async Task<SavedFilterResult> OverwriteAsync(int botId, int id, MemberFilter filter, int loadedVersion, CancellationToken ct)
    {
        if (filter.Problems() is { Count: > 0 } problems) return SavedFilterResult.Failed(problems);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var json = filter.ToJson();
        var now = clock.GetUtcNow();
        var updated = await db.SavedFilters.Where(f => f.Id == id && f.BotId == botId && f.Version == loadedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FilterJson, json).SetProperty(f => f.UpdatedAt, now).SetProperty(f => f.Version, f => f.Version + 1), ct);
        return updated == 0 ? await RefusedAsync(botId, id, ct) : SavedFilterResult.Ok(id);
    }

    /// <summary>Gives a saved filter another name (a change of letter case only is allowed); refused like <see cref="OverwriteAsync"/> when stale.</summary>
    public async Task<SavedFilterResult> RenameAsync(int botId, int id, string? name, int loadedVersion, CancellationToken ct)
    {
        var clean = Clean(name);
        if (NameErrors(clean) is { Count: > 0 } errors) return SavedFilterResult.Failed(errors);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var saved = await db.SavedFilters.FirstOrDefaultAsync(f => f.Id == id && f.BotId == botId, ct);
        if (saved is null) return SavedFilterResult.Failed(NotFound);
        if (saved.Version != loadedVersion) return await RefusedAsync(botId, id, ct);
        var key = SavedFilter.KeyOf(clean!);
        if (await db.SavedFilters.AnyAsync(f => f.BotId == botId && f.NameKey == key && f.Id != id, ct)) return SavedFilterResult.Failed(Duplicate(clean!));
        saved.Name = clean!;
        saved.NameKey = key;
        saved.UpdatedAt = clock.GetUtcNow();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await RefusedAsync(botId, id, ct); } // changed after the read above
        catch (DbUpdateException e) when (IsConstraint(e)) { return SavedFilterResult.Failed(Duplicate(clean!)); }
        return SavedFilterResult.Ok(id);
    }

    /// <summary>A refused change: the saved filter as it is now, or not found.</summary>
    private async Task<SavedFilterResult> RefusedAsync(int botId, int id, CancellationToken ct) =>
        await GetAsync(botId, id, ct) is { } fresh ? new SavedFilterResult(null, []) { Fresh = fresh } : SavedFilterResult.Failed(NotFound);

    /// <summary>Deletes a saved filter; broadcasts and steps that copied it keep their own filter. Null on success, else the reason.</summary>
    public async Task<string?> DeleteAsync(int botId, int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var deleted = await db.SavedFilters.Where(f => f.Id == id && f.BotId == botId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? NotFound : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string> NameErrors(string? name) =>
        name is null ? [NameRequired] : name.Length > SavedFilter.MaxNameLength ? [NameTooLong] : [];

    private static bool IsConstraint(DbUpdateException e) => SqlDialect.IsConstraint(e);
}
