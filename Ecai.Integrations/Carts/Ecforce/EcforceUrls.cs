namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>Links into a shop's ecforce admin screens.</summary>
public static class EcforceUrls
{
    /// <summary>The customer detail page: <c>https://{cartDomain}/admin/customers/{id}</c>.</summary>
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
