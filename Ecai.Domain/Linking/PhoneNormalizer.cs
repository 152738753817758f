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
        var text = raw.Normalize(NormalizationForm.FormKC).Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) text = text[4..];
        if (!text.Any(char.IsAsciiDigit)) return null;
        // Letters are not part of any phone number; refuse rather than let the parser skip them.
        if (text.Any(char.IsAsciiLetter)) return null;
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
