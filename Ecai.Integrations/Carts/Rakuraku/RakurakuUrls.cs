namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>Links into a shop's 楽楽リピート admin screens.</summary>
public static class RakurakuUrls
{
    /// <summary>[I] modelled: the customer page <c>https://{domain}/admin/customer/edit.php?customer_id={id}</c> (the real path is not public).</summary>
    public static string CustomerPage(string cartDomain, string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cartDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var domain = cartDomain.Trim().TrimEnd('/');
        if (domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) domain = domain["https://".Length..];
        else if (domain.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) domain = domain["http://".Length..];
        return $"https://{domain}/admin/customer/edit.php?customer_id={Uri.EscapeDataString(customerId.Trim())}";
    }
}
