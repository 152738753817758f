using System.Text;
using PhoneNumbers;

namespace Ecai.Domain.Linking;

/// <summary>
/// Japanese phone numbers to E.164 (+819012345678), the key members and cart customers link on.
/// Full-width digits, hyphens of every kind, spaces, brackets, "+81"/"81" are accepted; a number
/// libphonenumber does not consider valid for Japan is rejected (null), never guessed.
/// </summary>
public static class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // NFKC folds full-width digits, plus, hyphen, brackets and the ideographic space to ASCII.
        var text = raw.Normalize(NormalizationForm.FormKC).Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) text = text[4..].Trim();

        // Only digits, separators and one plus. libphonenumber would skip letters ("ext.", vanity
        // numbers), notes such as 携帯 or （自宅） and a second number; we refuse them instead.
        if (!text.All(c => char.IsAsciiDigit(c) || c == '+' || IsSeparator(c))) return null;
        var firstDigit = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (firstDigit < 0) return null;
        var plus = text.IndexOf('+');
        if (plus >= 0 && (plus != text.LastIndexOf('+') || plus > firstDigit)) return null;

        // Trunk-0 rule (decision). libphonenumber also accepts "9012345678" (no trunk 0, no country
        // code) as +819012345678. Every domestic Japanese number is written with its trunk 0 and every
        // international form starts with "+" or (product spec: "81" -> leading 0) with "81", so a number
        // that starts with any other digit is a typo or a truncated import: reject it, never guess.
        // Dialling out with 010 ("010-81-90-...") starts with 0 and stays accepted.
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        var international = plus >= 0 || digits.StartsWith("81", StringComparison.Ordinal);
        if (!international && digits[0] != '0') return null;

        try
        {
            var number = Util.Parse(text, "JP");
            if (!Util.IsValidNumber(number) || Util.GetRegionCodeForNumber(number) != "JP") return null;
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Characters people put between digits (after NFKC): white space, hyphens, dashes, the
    /// katakana long-vowel mark ー, brackets and dots.</summary>
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or (>= '\u2010' and <= '\u2015') or '\u2212' or '\u30FC' or '(' or ')' or '[' or ']' or '.';

    /// <summary>Carts that split a phone in three (ecforce tel01/02/03, Rakuten phoneNumber1/2/3).</summary>
    public static string? JoinParts(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return present.Length == 0 ? null : string.Join("-", present);
    }

    /// <summary>Domestic display form, e.g. 090-1234-5678.</summary>
    public static string Display(string e164)
    {
        try { return Util.Format(Util.Parse(e164, "JP"), PhoneNumberFormat.NATIONAL); }
        catch (NumberParseException) { return e164; }
    }
}
