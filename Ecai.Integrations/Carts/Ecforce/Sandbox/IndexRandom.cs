namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// A tiny deterministic random stream (SplitMix64) keyed by (seed, stream, index), so record i of a
/// sandbox store is a pure function of the seed and i: nothing has to be generated up front or kept.
/// </summary>
internal struct IndexRandom
{
    private ulong _state;

    public IndexRandom(int seed, int stream, long index) =>
        _state = Mix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 56) ^ (ulong)index ^ 0x2545F4914F6CDD1DUL);

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Lower-case hex, e.g. the 10-character order numbers ecforce uses.</summary>
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
