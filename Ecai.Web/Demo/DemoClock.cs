using System.Globalization;
using Ecai.Domain.Data;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode's app clock: the system time plus an offset an evaluator moves forward (+1 時間, +1 日, or to a JST
/// date-time) to see scheduled sends happen. It never goes back; the offset is kept next to the database file, so a
/// restart keeps the demo's time. Only <see cref="GetUtcNow"/> is shifted: timers, delays and timestamps are the system's,
/// so resilience waits and pacing run in real time.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private readonly TimeProvider _system;
    private readonly string? _stateFile;
    private readonly Lock _lock = new();
    private long _offsetTicks;

    public DemoClock(TimeProvider system, string? stateFile = null)
    {
        _system = system;
        _stateFile = stateFile;
        if (stateFile is not null && File.Exists(stateFile)
            && long.TryParse(File.ReadAllText(stateFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
            _offsetTicks = ticks;
    }

    /// <summary>
    /// Where the offset is kept: beside a SQLite file (none for in-memory databases); for a server database, beside the
    /// Data Protection keys folder <paramref name="keysFolder"/>.
    /// </summary>
    public static string? StateFileFor(DatabaseSettings database, string keysFolder) => database.Provider switch
    {
        DatabaseProvider.Sqlite => database.SqliteFile is { } file ? file + ".demo-clock" : null,
        _ => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keysFolder)) ?? ".", "demo-clock"),
    };

    /// <summary>Raised after the clock moved (the control wakes the dispatcher).</summary>
    public event Action? Moved;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _system.GetUtcNow() + Offset;
    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;
    public override long TimestampFrequency => _system.TimestampFrequency;
    public override long GetTimestamp() => _system.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _system.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward; a zero or negative step is refused.</summary>
    public void Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The demo clock only moves forward.");
        lock (_lock)
        {
            Interlocked.Add(ref _offsetTicks, by.Ticks);
            if (_stateFile is not null) File.WriteAllText(_stateFile, Offset.Ticks.ToString(CultureInfo.InvariantCulture));
        }
        Moved?.Invoke();
    }

    /// <summary>Moves the clock to <paramref name="instant"/>; false (and no move) when that is not in the demo's future.</summary>
    public bool MoveTo(DateTimeOffset instant)
    {
        var step = instant - GetUtcNow();
        if (step <= TimeSpan.Zero) return false;
        Advance(step);
        return true;
    }
}
