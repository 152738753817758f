namespace Ecai.Integrations.Carts.Shopify;

/// <summary>Links into a shop's Shopify admin screens.</summary>
public static class ShopifyUrls
{
    /// <summary>The customer page: <c>https://{shop}/admin/customers/{id}</c> [C3].</summary>
    public static string CustomerPage(string cartDomain, string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cartDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var domain = cartDomain.Trim().TrimEnd('/');
        if (domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) domain = domain["https://".Length..];
        else if (domain.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) domain = domain["http://".Length..];
        return $"https://{domain}/admin/customers/{Uri.EscapeDataString(customerId.Trim())}";
    }
}
