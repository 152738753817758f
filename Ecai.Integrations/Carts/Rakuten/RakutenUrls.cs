namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>Links into RMS (楽天の店舗管理画面). The host is RMS's own, the same for every shop.</summary>
public static class RakutenUrls
{
    /// <summary>
    /// The order's detail page in RMS 受注管理 (楽天ペイ受注): <c>https://order-rp.rms.rakuten.co.jp/order-rb/individual-order-detail-sc/init?orderNumber={orderNumber}</c>
    /// [C3: used by public shop tools]. RMS has no page per buyer (buyers are per order, behind a masked e-mail), so this is
    /// also where a Rakuten customer links to (their newest order). The operator must be signed in to RMS.
    /// </summary>
    public static string OrderPage(string orderNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        return "https://order-rp.rms.rakuten.co.jp/order-rb/individual-order-detail-sc/init?orderNumber=" + Uri.EscapeDataString(orderNumber.Trim());
    }
}
