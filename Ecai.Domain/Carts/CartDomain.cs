using System.Globalization;
using System.Text;

namespace Ecai.Domain.Carts;

/// <summary>
/// Cart-domain rule from the seed: drop the scheme, a leading "www.", a trailing "/admin/" or "/";
/// keep other sub-domains such as "shop.". Lower-case, full-width folded; null when what is left is
/// not a host name of at least two labels. A numeric port (1–65535) is kept: it is part of where a
/// staging cart or a sandbox lives. Any other path, query, fragment or user name is refused.
/// </summary>
public static class CartDomain
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.Ordinal)) text = text[scheme.Length..];
        if (text.StartsWith("www.", StringComparison.Ordinal)) text = text[4..];
        var slash = text.IndexOf('/');
        var path = slash >= 0 ? text[slash..] : "";
        if (slash >= 0) text = text[..slash];
        if (path is not ("" or "/" or "/admin" or "/admin/")) return null;

        string? port = null;
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            port = text[(colon + 1)..];
            text = text[..colon];
            if (!IsPort(port)) return null;
        }
        if (!IsHostName(text)) return null;
        return port is null ? text : $"{text}:{port}";
    }

    /// <summary>
    /// A Rakuten shop is identified by its URL on rakuten.co.jp ("https://www.rakuten.co.jp/demo-shop/" or just
    /// "demo-shop") → "rakuten.co.jp/demo-shop"; null for anything else.
    /// </summary>
    public static string? NormalizeRakutenShop(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        foreach (var prefix in new[] { "https://", "http://", "www.", "rakuten.co.jp/" })
            if (text.StartsWith(prefix, StringComparison.Ordinal)) text = text[prefix.Length..];
        text = text.TrimEnd('/');
        return text.Length is >= 1 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? "rakuten.co.jp/" + text : null;
    }

    private static bool IsPort(string port) =>
        port.Length is >= 1 and <= 5 && port[0] != '0' && port.All(char.IsAsciiDigit)
        && int.Parse(port, CultureInfo.InvariantCulture) <= 65535;

    /// <summary>Two or more labels of letters, digits and inner hyphens, each 1–63 long.</summary>
    private static bool IsHostName(string host)
    {
        if (host.Length is 0 or > 253) return false;
        var labels = host.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
