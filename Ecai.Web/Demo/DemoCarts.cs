using Ecai.Web.Demo.Carts;

namespace Ecai.Web.Demo;

/// <summary>The sandbox carts demo mode serves; started once the demo bot (their time anchor) exists.</summary>
public sealed class DemoCarts
{
    private bool _started;

    public EcforceDemo Ecforce { get; } = new();

    /// <summary>Every demo cart; ecforce first, as the others borrow its customers' phones.</summary>
    public IReadOnlyList<DemoCart> All { get; }

    public DemoCarts() => All = [Ecforce, new ShopifyDemo(), new RakutenDemo(), new RakurakuDemo(), new RepeatstDemo(), new SubscStoreDemo()];

    public void Start(DemoOptions options, DateTimeOffset anchor)
    {
        if (_started) return;
        foreach (var cart in All) cart.Start(options, anchor, i => Ecforce.CustomerPhone(i % Math.Max(1, Ecforce.CustomerCount)));
        _started = true;
    }
}
