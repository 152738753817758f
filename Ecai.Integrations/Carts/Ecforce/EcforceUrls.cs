using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>Links into a shop's ecforce admin screens.</summary>
public static class EcforceUrls
{
    /// <summary>The customer detail page: <c>https://{cartDomain}/admin/customers/{id}</c>.</summary>
    public static string CustomerPage(string cartDomain, string customerId) =>
        CartUrls.ShopPage(cartDomain, "/admin/customers/", customerId);
}
