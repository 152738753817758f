namespace Ecai.Domain.Carts;

/// <summary>
/// Cart-domain rule from the seed: drop the scheme, a leading "www.", a trailing "/admin/" or "/";
/// keep other sub-domains such as "shop.". Lower-case; null when nothing host-like is left.
/// </summary>
public static class CartDomain
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim().ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.Ordinal)) text = text[scheme.Length..];
        if (text.StartsWith("www.", StringComparison.Ordinal)) text = text[4..];
        var slash = text.IndexOf('/');
        var path = slash >= 0 ? text[slash..] : "";
        if (slash >= 0) text = text[..slash];
        if (path is not ("" or "/" or "/admin" or "/admin/")) return null;
        if (text.Length == 0 || !text.Contains('.') || text.StartsWith('.') || text.EndsWith('.')) return null;
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':') ? text : null;
    }
}
