using Ecai.Domain.Data;
using Ecai.Domain.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Domain.Jobs;

/// <summary>Where export jobs keep their files (<c>Ecai:JobFiles</c>); relative paths are taken from the working directory.</summary>
public sealed class JobFileOptions
{
    public string Folder { get; set; } = "App_Data/job-files";
}

/// <summary>What a download request finds: nothing (not yours, or no file), a file that is gone, or the file.</summary>
public enum JobFileStatus { NotFound, Expired, Ready }

public sealed record JobFileLookup(JobFileStatus Status, string? FileName = null, string? FullPath = null);

/// <summary>
/// Files that export jobs make for the operator who asked: runs owned by an operator, the file's name,
/// place and expiry (7 days), the owner-only lookup behind the download, and the sweep that deletes old files.
/// </summary>
public sealed class JobFiles(IDbContextFactory<EcaiDb> dbs, JobRuns runs, BotAccess access, IOptions<JobFileOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The absolute folder the files are written to.</summary>
    public string Folder => Path.GetFullPath(options.Value.Folder);

    /// <summary>Opens a run that belongs to <paramref name="operatorId"/> (only they see its file in ジョブリスト and may download it).</summary>
    public async Task<JobRunScope> StartAsync(int botId, string kind, string title, string operatorId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = new JobRun
        {
            BotId = botId, Kind = kind, Title = title, OperatorId = operatorId,
            StartedAt = clock.GetUtcNow(), State = JobState.Running,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var scope = new JobRunScope(runs, run);
        scope.Report(0, null, null);
        return scope;
    }

    /// <summary>The path (under <see cref="Folder"/>) a run writes its file to.</summary>
    public string PathFor(long runId, string extension) => Path.Combine(Folder, $"{runId}.{extension}");

    /// <summary>Records the finished file on its run; it expires <see cref="Lifetime"/> from now.</summary>
    public async Task AttachAsync(long runId, string fileName, string fullPath, CancellationToken ct)
    {
        var relative = Path.GetRelativePath(Folder, fullPath);
        var expires = clock.GetUtcNow() + Lifetime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.JobRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FileName, fileName)
            .SetProperty(r => r.FilePath, relative)
            .SetProperty(r => r.FileExpiresAt, expires), ct);
    }

    /// <summary>ジョブリスト: the bot's runs that belong to no operator (pulls) plus this operator's own, newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> RecentAsync(int botId, string? operatorId, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.JobRuns.Where(r => r.BotId == botId && (r.OperatorId == null || r.OperatorId == operatorId))
            .OrderByDescending(r => r.Id).Take(take).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// The file of run <paramref name="runId"/> for <paramref name="operatorId"/>: not found unless they started it and may
    /// still open its bot; expired once past its expiry or deleted.
    /// </summary>
    public async Task<JobFileLookup> FindAsync(long runId, string operatorId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.OperatorId == operatorId, ct);
        if (run?.FileName is null || run.BotId is not { } botId || !await access.CanOpenAsync(operatorId, botId, ct))
            return new JobFileLookup(JobFileStatus.NotFound);
        if (IsExpired(run, clock.GetUtcNow())) return new JobFileLookup(JobFileStatus.Expired, run.FileName);
        var full = Resolve(run.FilePath!);
        return full is not null && File.Exists(full)
            ? new JobFileLookup(JobFileStatus.Ready, run.FileName, full)
            : new JobFileLookup(JobFileStatus.Expired, run.FileName);
    }

    /// <summary>True when the run made a file that can no longer be downloaded.</summary>
    public static bool IsExpired(JobRun run, DateTimeOffset now) =>
        run.FileName is not null && (run.FilePath is null || run.FileExpiresAt is not { } expires || expires <= now);

    /// <summary>Deletes the files past their expiry and clears their paths; returns how many runs it cleared.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await db.JobRuns.Where(r => r.FilePath != null && (r.FileExpiresAt == null || r.FileExpiresAt <= now))
            .Select(r => new { r.Id, r.FilePath }).AsNoTracking().ToListAsync(ct);
        foreach (var run in due)
        {
            if (Resolve(run.FilePath!) is { } full && File.Exists(full)) File.Delete(full);
        }
        var ids = due.Select(r => r.Id).ToList();
        if (ids.Count == 0) return 0;
        await db.JobRuns.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.FilePath, (string?)null), ct);
        return ids.Count;
    }

    /// <summary>The absolute path of a stored relative path, refused if it would leave the folder.</summary>
    private string? Resolve(string relative)
    {
        var folder = Folder;
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
