namespace Ecai.Integrations.Carts.Shared;

/// <summary>Links into a shop's admin screens.</summary>
internal static class CartUrls
{
    /// <summary>
    /// <c>https://{domain}{pathBeforeId}{id}</c>: the domain as the user typed it, without scheme or trailing
    /// slash; the id trimmed and escaped.
    /// </summary>
    public static string ShopPage(string cartDomain, string pathBeforeId, string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cartDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var domain = cartDomain.Trim().TrimEnd('/');
        if (domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) domain = domain["https://".Length..];
        else if (domain.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) domain = domain["http://".Length..];
        return $"https://{domain}{pathBeforeId}{Uri.EscapeDataString(customerId.Trim())}";
    }
}
