namespace Ecai.Domain.Jobs;

public enum JobState { Running = 0, Succeeded = 1, Failed = 2, Cancelled = 3 }

/// <summary>One run of a background job: when, how far, what it counted, what went wrong.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public int? BotId { get; set; }
    public required string Kind { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public JobState State { get; set; }
    public long Done { get; set; }
    public long? Total { get; set; }
    public long Customers { get; set; }
    public long Orders { get; set; }
    public long Skipped { get; set; }
    public long Linked { get; set; }
    public string? Error { get; set; }
    /// <summary>The operator who started it (exports: only they may download the file).</summary>
    public string? OperatorId { get; set; }
    /// <summary>A file the job produced: the name offered for download and where it lies under the job-files folder.</summary>
    public string? FileName { get; set; }
    public string? FilePath { get; set; }
    /// <summary>When the file is deleted (7 days after it was made).</summary>
    public DateTimeOffset? FileExpiresAt { get; set; }
}
