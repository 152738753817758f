using System.Net.Mail;
using System.Text;

namespace Ecai.Domain.Linking;

/// <summary>E-mail link key: trimmed, full-width folded, lower-case; null when it is not an address.</summary>
public static class EmailNormalizer
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        if (text.Contains(' ') || text.Count(c => c == '@') != 1) return null;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text) return null;
        var domain = text[(text.IndexOf('@') + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') ? text : null;
    }
}
