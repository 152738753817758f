using System.Globalization;
using System.Text;

namespace Ecai.Domain.Linking;

/// <summary>
/// E-mail link key: trimmed, full-width folded, lower-case; null when it is not an address.
/// The local part is a plain ASCII dot-atom, except that dots may repeat or end it: legacy docomo/au
/// addresses such as <c>taro.@docomo.ne.jp</c> and <c>ta..ro@ezweb.ne.jp</c> are real customers'
/// addresses. Display names, quotes, comments, IP literals and non-ASCII local parts are refused.
/// The domain is a host name of at least two labels; an internationalised domain is keyed in its
/// ASCII (punycode) form so that <c>例え.jp</c> and <c>xn--r8jz45g.jp</c> link to each other.
/// </summary>
public static class EmailNormalizer
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1) return null;

        var local = text[..at];
        if (local.Length > 64 || local[0] == '.' || !local.All(c => c == '.' || IsAtext(c))) return null;

        var domain = ToAsciiDomain(text[(at + 1)..]);
        return domain is null ? null : $"{local}@{domain}";
    }

    private static string? ToAsciiDomain(string domain)
    {
        var ascii = domain;
        // IDNA only where it can change something (non-ASCII or punycode labels); imports call this per customer.
        if (!Ascii.IsValid(domain) || domain.Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        if (ascii.Length > 253) return null;
        var labels = ascii.Split('.');
        if (labels.Length < 2) return null;
        foreach (var label in labels)
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return null;
        var tld = labels[^1];
        return tld.Length >= 2 && (tld.All(char.IsAsciiLetter) || tld.StartsWith("xn--", StringComparison.Ordinal)) ? ascii : null;
    }

    /// <summary>RFC 5322 atext: letters, digits and <c>!#$%&amp;'*+-/=?^_`{|}~</c>.</summary>
    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);
}
