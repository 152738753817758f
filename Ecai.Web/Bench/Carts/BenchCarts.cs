namespace Ecai.Web.Bench.Carts;

/// <summary>Every cart the benchmark can pull (<c>--cart &lt;name&gt;</c>).</summary>
internal static class BenchCarts
{
    public static IReadOnlyList<IBenchCart> All { get; } =
        [new EcforceBench(), new ShopifyBench(), new RakutenBench(), new RakurakuBench(), new RepeatstBench(), new SubscStoreBench()];

    public static IBenchCart? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
