using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>Links into a shop's 楽楽リピート admin screens.</summary>
public static class RakurakuUrls
{
    /// <summary>[I] modelled: the customer page <c>https://{domain}/admin/customer/edit.php?customer_id={id}</c> (the real path is not public).</summary>
    public static string CustomerPage(string cartDomain, string customerId) =>
        CartUrls.ShopPage(cartDomain, "/admin/customer/edit.php?customer_id=", customerId);
}
