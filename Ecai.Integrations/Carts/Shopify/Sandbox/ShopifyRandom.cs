namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// Deterministic random numbers keyed by (seed, stream, index) (SplitMix64), so row i of the sandbox
/// is a pure function of the seed and i: nothing is generated up front or kept.
/// </summary>
internal struct ShopifyRandom(int seed, int stream, long index)
{
    private ulong _state = Mix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 48) ^ (ulong)index ^ 0x5DEECE66DUL);

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

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
