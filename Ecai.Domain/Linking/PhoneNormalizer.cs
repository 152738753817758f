using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Ecai.Domain.Linking;

/// <summary>
/// Japanese phone numbers to E.164 (+819012345678), the key members and cart customers link on.
/// Full-width digits, hyphens of every kind, spaces, slashes, brackets, "+81"/"81", labels (TEL, 電話:), notes
/// ((携帯)), extensions (dropped) and invisible characters are accepted; a number libphonenumber does not
/// consider valid for Japan, or one without its trunk 0, is rejected (null), never guessed.
/// </summary>
public static partial class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // NFKC folds full-width digits, plus, hyphen, brackets and the ideographic space to ASCII; invisible
        // characters (zero-width space, BOM, direction marks) and a spreadsheet's leading apostrophe go.
        var text = new string(raw.Normalize(NormalizationForm.FormKC)
            .Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()).Trim().TrimStart('\'', '\u2019').Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) text = text[4..].Trim();
        return Strict(text) ?? Found(text);
    }

    /// <summary>
    /// A number as people type it into a form: a label before it (TEL, 電話:), a note after it ((携帯)), an
    /// extension (ext. 12, 内線12, dropped). libphonenumber finds the number in the text; exactly one valid
    /// Japanese number must be there, with no other digits beside it, and the trunk-0 rule still holds.
    /// </summary>
    private static string? Found(string text)
    {
        text = InternalLine().Replace(text, "");
        if (text.Count(c => c == '+') > 1) return null;
        var matches = Util.FindNumbers(text, "JP", PhoneNumberUtil.Leniency.VALID, long.MaxValue).Take(2).ToList();
        if (matches.Count != 1) return null;
        var match = matches[0];
        var outside = text[..match.Start] + text[(match.Start + match.Length)..];
        if (outside.Any(char.IsAsciiDigit)) return null;
        var number = match.Number;
        var digits = string.Concat(match.RawString.TakeWhile(c => !char.IsAsciiLetter(c)).Where(char.IsAsciiDigit));
        if (!WrittenInFull(digits, plus: match.RawString.TrimStart().StartsWith('+'))) return null;
        if (Util.GetRegionCodeForNumber(number) != "JP") return null;
        return Util.Format(new PhoneNumber.Builder().MergeFrom(number).ClearExtension().Build(), PhoneNumberFormat.E164);
    }

    [GeneratedRegex(@"\s*内線\s*\d+\s*$")]
    private static partial Regex InternalLine();

    private static string? Strict(string text)
    {
        // Only digits, separators and one plus here; text around a number (labels, notes, extensions)
        // goes through Found, which still refuses letters inside the number and a second number.
        if (!text.All(c => char.IsAsciiDigit(c) || c == '+' || IsSeparator(c))) return null;
        var firstDigit = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (firstDigit < 0) return null;
        var plus = text.IndexOf('+');
        if (plus >= 0 && (plus != text.LastIndexOf('+') || plus > firstDigit)) return null;
        if (!WrittenInFull(string.Concat(text.Where(char.IsAsciiDigit)), plus >= 0)) return null;

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

    /// <summary>
    /// Trunk-0 rule (decision). libphonenumber also accepts "9012345678" (no trunk 0, no country code) as
    /// +819012345678. Every domestic Japanese number is written with its trunk 0 and every international form
    /// starts with "+" or (product spec: "81" -> leading 0) with "81", so a number that starts with any other
    /// digit is a typo or a truncated import: reject it, never guess. Dialling out with 010
    /// ("010-81-90-...") starts with 0 and stays accepted.
    /// </summary>
    private static bool WrittenInFull(string digits, bool plus) =>
        digits.Length > 0 && (plus || digits.StartsWith("81", StringComparison.Ordinal) || digits[0] == '0');

    /// <summary>Characters people put between digits (after NFKC): white space, hyphens, dashes, the
    /// katakana long-vowel mark ー, brackets and dots.</summary>
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or (>= '\u2010' and <= '\u2015') or '\u2212' or '\u30FC' or '(' or ')' or '[' or ']' or '.' or '/';

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
