namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>
/// A tiny deterministic random stream (SplitMix64) keyed by (seed, stream, index), so record i of a
/// sandbox store is a pure function of the seed and i: nothing has to be generated up front or kept.
/// </summary>
internal struct IndexRandom
{
    private ulong _state;

    public IndexRandom(int seed, int stream, long index)
        : this(seed, stream, index, streamShift: 56, salt: 0x2545F4914F6CDD1DUL)
    {
    }

    /// <summary>
    /// A stream keyed with another shift of the stream number and another salt: the carts that
    /// began with their own copy keep theirs, so their generated data stays as it was.
    /// </summary>
    public IndexRandom(int seed, int stream, long index, int streamShift, ulong salt) =>
        _state = Mix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << streamShift) ^ (ulong)index ^ salt);

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Lower-case hex, e.g. the 10-character order numbers of ecforce.</summary>
    public string Hex(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++) chars[i] = "0123456789abcdef"[Next(16)];
        return new string(chars);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
