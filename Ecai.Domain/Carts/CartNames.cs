namespace Ecai.Domain.Carts;

/// <summary>Display names of the carts as Japanese operators know them.</summary>
public static class CartNames
{
    public static string Of(CartKind kind) => kind switch
    {
        CartKind.Ecforce => "ecforce",
        CartKind.Shopify => "Shopify",
        CartKind.RakutenRms => "楽天RMS",
        CartKind.RakurakuRepeat => "楽楽リピート",
        CartKind.Repeatst => "リピスト",
        CartKind.SubscStore => "サブスクストア",
        _ => kind.ToString(),
    };

    /// <summary>The carts this build can connect end to end.</summary>
    public static IReadOnlyList<CartKind> Supported { get; } =
        [CartKind.Ecforce, CartKind.Shopify, CartKind.RakutenRms, CartKind.RakurakuRepeat, CartKind.Repeatst, CartKind.SubscStore];
}
