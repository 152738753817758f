using Bogus;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>
/// Time and cast of a lazily generated sandbox shop (リピスト, サブスクストア): generated rows spread
/// over [start, start + span) in index order; changes after start-up strictly later, in whole seconds;
/// Japanese names from Bogus "ja" drawn once per seed; which customers order and which subscribe.
/// </summary>
internal sealed class SandboxTimeline
{
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private DateTimeOffset _lastChange;

    public SandboxTimeline(int seed, DateTimeOffset start, TimeSpan span, TimeProvider clock)
    {
        Start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        Span = span > TimeSpan.Zero ? span : TimeSpan.FromDays(1);
        End = Start + Span;
        _lastChange = End;
        _clock = clock;
        var faker = new Faker("ja") { Random = new Randomizer(seed) };
        FamilyNames = Enumerable.Range(0, 300).Select(_ => faker.Name.LastName()).Distinct().ToArray();
        GivenNames = Enumerable.Range(0, 300).Select(_ => faker.Name.FirstName()).Distinct().ToArray();
    }

    public DateTimeOffset Start { get; }
    public TimeSpan Span { get; }
    public DateTimeOffset End { get; }
    public string[] FamilyNames { get; }
    public string[] GivenNames { get; }

    /// <summary>updated_at of generated row i of n: spread evenly over [Start, End), whole seconds.</summary>
    public DateTimeOffset GeneratedTime(int index, int count) => Start.AddSeconds(Math.Floor(Span.TotalSeconds * index / Math.Max(1, count)));

    /// <summary>Strictly increasing whole seconds, never earlier than the generated data or the clock.</summary>
    public DateTimeOffset NextChangeTime()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            var next = _lastChange.AddSeconds(1);
            _lastChange = now > next ? now : next;
            return _lastChange;
        }
    }

    /// <summary>The JST date <paramref name="days"/> days after the JST day of <paramref name="instant"/>.</summary>
    public static DateOnly JstDate(DateTimeOffset instant, int days) =>
        DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(days);

    /// <summary>
    /// Which customers order (<paramref name="orderingPercent"/>, at most one per order) and which of those
    /// subscribe: two sorted index arrays, pure functions of the seed.
    /// </summary>
    public static (int[] Ordering, int[] Subscribers) ChooseBuyers(int seed, int stream, int customers, int orders, int orderingPercent, int subscriberPercent)
    {
        var ordering = Enumerable.Range(0, customers).Where(c => new IndexRandom(seed, stream + 100, c).Chance(orderingPercent))
            .Take(Math.Max(orders, 0)).ToArray();
        var subscribers = ordering.Where(c => new IndexRandom(seed, stream + 200, c).Chance(subscriberPercent)).ToArray();
        return (ordering, subscribers);
    }
}
