namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>
/// A small deterministic random stream (SplitMix64) keyed by (seed, stream, index): record i of the
/// sandbox is a pure function of the seed and i, so nothing is generated up front or kept.
/// </summary>
internal struct RakutenRandom
{
    private ulong _state;

    public RakutenRandom(int seed, int stream, long index) =>
        _state = Mix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 52) ^ (ulong)index ^ 0x5DEECE66DUL);

    public int Next(int maxExclusive)
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (int)(Mix(_state) % (ulong)maxExclusive);
    }

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
