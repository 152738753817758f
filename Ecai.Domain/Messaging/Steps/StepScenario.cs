using Ecai.Domain.Data;
using Ecai.Domain.Time;

namespace Ecai.Domain.Messaging.Steps;

/// <summary>What makes a member enter a step scenario; each occurrence of the trigger is one entry.</summary>
public enum StepTrigger
{
    /// <summary>友だち追加: a follow webhook (a new friend or an unblock), <see cref="Members.MemberEventKind.FriendAdded"/>.</summary>
    FriendAdded = 1,
    /// <summary>タグ追加: the tag <see cref="StepScenario.TagId"/> was added (<see cref="Members.MemberEventKind.TagAdded"/>).</summary>
    TagAdded = 2,
}

/// <summary>How a step's delay after the trigger is stated.</summary>
public enum StepDelayKind
{
    /// <summary>N 分後.</summary>
    Minutes = 1,
    /// <summary>N 時間後.</summary>
    Hours = 2,
    /// <summary>N 日後 (N × 24 h after the trigger).</summary>
    Days = 3,
    /// <summary>N 日後の HH:MM (JST): the JST day of the trigger plus N days, at that wall-clock time.</summary>
    DaysAt = 4,
}

/// <summary>
/// ステップメッセージ: a timed sequence of messages a member receives after a trigger (friend added, or a tag added),
/// each entry of a trigger occurrence being one run through the steps. An optional <see cref="FilterJson"/>
/// (a <see cref="Members.MemberFilter"/>) is checked when each step is due, not when the member enters.
/// </summary>
public sealed class StepScenario : Data.IVersioned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int BotId { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; }
    public StepTrigger Trigger { get; set; }
    /// <summary>For <see cref="StepTrigger.TagAdded"/>: the tag.</summary>
    public int? TagId { get; set; }
    /// <summary><see cref="Members.MemberFilter.ToJson"/>, or null for every member.</summary>
    public string? FilterJson { get; set; }
    /// <summary>
    /// Only member events with a larger id enter the scenario: the bot's last event id when it was last switched on.
    /// So what happened before the scenario existed, or while it was off, never enters it.
    /// </summary>
    public long EntryAfterEventId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded. Saving its steps counts as a change of the scenario.</summary>
    public int Version { get; set; }
}

/// <summary>One step of a scenario: when (a delay after the trigger) and what (an immutable <see cref="StoredMessage"/>).</summary>
public sealed class ScenarioStep
{
    public int Id { get; set; }
    public int ScenarioId { get; set; }
    /// <summary>0-based order in the scenario.</summary>
    public int Position { get; set; }
    public StepDelayKind DelayKind { get; set; }
    /// <summary>N minutes / hours / days.</summary>
    public int Amount { get; set; }
    /// <summary>For <see cref="StepDelayKind.DaysAt"/>: the JST time of day in minutes after midnight (0–1439).</summary>
    public int? AtMinute { get; set; }
    public long MessageId { get; set; }
}

/// <summary>A step's delay after its trigger, the one rule both the planner's SQL and the screens follow.</summary>
public readonly record struct StepDelay(StepDelayKind Kind, int Amount, int? AtMinute = null)
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private static readonly long JstTicks = JapanTime.Offset.Ticks;

    /// <summary>When a step with this delay is due for a trigger at <paramref name="triggeredAt"/> (never before the trigger).</summary>
    public DateTimeOffset DueAfter(DateTimeOffset triggeredAt)
    {
        var at = triggeredAt.UtcTicks;
        var due = Kind switch
        {
            StepDelayKind.Minutes => at + Amount * TicksPerMinute,
            StepDelayKind.Hours => at + Amount * TimeSpan.TicksPerHour,
            StepDelayKind.Days => at + Amount * TimeSpan.TicksPerDay,
            _ => DayStartJst(at) + Amount * TimeSpan.TicksPerDay + (AtMinute ?? 0) * TicksPerMinute - JstTicks,
        };
        return new DateTimeOffset(Math.Max(due, at), TimeSpan.Zero);
    }

    // JST = UTC + 9 h with no DST, so a JST day is plain integer math on UTC ticks (tick 0 is a midnight).
    private static long DayStartJst(long utcTicks) => (utcTicks + JstTicks) / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay;

    /// <summary>
    /// The same rule in SQL, over the columns <c>{step}.DelayKind</c>, <c>Amount</c>, <c>AtMinute</c> and a trigger time
    /// <paramref name="triggeredAt"/> in UTC ticks. A "day N at HH:MM" already behind the trigger (day 0 at 09:00 for a
    /// trigger at 12:00) goes at once: it is a delay, never an earlier send. The integer columns are multiplied by bigint
    /// tick counts (PostgreSQL's integer is 32-bit; SQLite's always 64).
    /// </summary>
    public static string Sql(SqlDialect dialect, string step, string triggeredAt) => $"""
        {dialect.Pick(sqlite: "max", postgres: "greatest")}({triggeredAt}, CASE {step}.DelayKind
          WHEN {(int)StepDelayKind.Minutes} THEN {triggeredAt} + {step}.Amount * CAST({TicksPerMinute} AS BIGINT)
          WHEN {(int)StepDelayKind.Hours} THEN {triggeredAt} + {step}.Amount * {TimeSpan.TicksPerHour}
          WHEN {(int)StepDelayKind.Days} THEN {triggeredAt} + {step}.Amount * {TimeSpan.TicksPerDay}
          ELSE ({triggeredAt} + {JstTicks}) / {TimeSpan.TicksPerDay} * {TimeSpan.TicksPerDay}
               + {step}.Amount * {TimeSpan.TicksPerDay} + coalesce({step}.AtMinute, 0) * CAST({TicksPerMinute} AS BIGINT) - {JstTicks}
        END)
        """;

    /// <summary>The delay in the operator's words: 「30分後」「2時間後」「3日後」「1日後の18:00」.</summary>
    public string Describe() => Kind switch
    {
        StepDelayKind.Minutes => $"{Amount}分後",
        StepDelayKind.Hours => $"{Amount}時間後",
        StepDelayKind.Days => $"{Amount}日後",
        _ => $"{Amount}日後の{FormatTime(AtMinute ?? 0)}",
    };

    public static string FormatTime(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>"18:00", "9:05", "１８：００" as minutes after midnight; null when not a time of day.</summary>
    public static int? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = text.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        var parts = normal.Split(':');
        return parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 2
               && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
               && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
               && h is >= 0 and < 24 && m is >= 0 and < 60
            ? h * 60 + m : null;
    }
}
