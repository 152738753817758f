using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>Links into a shop's Shopify admin screens.</summary>
public static class ShopifyUrls
{
    /// <summary>The customer page: <c>https://{shop}/admin/customers/{id}</c> [C3].</summary>
    public static string CustomerPage(string cartDomain, string customerId) =>
        CartUrls.ShopPage(cartDomain, "/admin/customers/", customerId);
}
