using Ecai.Domain.Linking;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>
/// Customer phones as Japanese shops hold them, for the sandboxes: mostly valid mobiles and land
/// lines in mixed formats (hyphens, none, full-width, +81), some missing, a few invalid. Optionally a
/// share of customers reuse another cart's customer phones re-typed in another style, so one LINE
/// member links to several carts (the demo).
/// </summary>
internal static class SandboxPhones
{
    /// <summary>
    /// The phone of customer <paramref name="index"/>. <paramref name="salt"/> keeps carts' own numbers apart
    /// (two customers of one cart never share a valid number; different salts give different numbers).
    /// </summary>
    public static string? Generate(int index, int salt, ref IndexRandom r, Func<int, string?>? sharedPhone, double sharedShare)
    {
        if (sharedPhone is not null && r.Next(10_000) < sharedShare * 10_000
            && PhoneNormalizer.Normalize(sharedPhone(index)) is { } shared)
            return Retype(shared, ref r);

        var eight = ((long)index * 7919 + 12_345_678L + salt * 1_000_003L) % 100_000_000;
        var (mid, last) = ($"{eight / 10_000:D4}", $"{eight % 10_000:D4}");
        var mobile = r.Pick(["090", "080", "070"]);
        return r.Next(100) switch
        {
            < 40 => $"{mobile}-{mid}-{last}",
            < 55 => $"{mobile}{mid}{last}",
            < 62 => FullWidth($"{mobile}-{mid}-{last}"),
            < 68 => $"+81 {mobile[1..]}-{mid}-{last}",
            < 78 => $"03-{mid}-{last}",
            < 86 => $"(0466){mid[..2]}-{last}",
            < 94 => null,
            _ => r.Next(3) switch { 0 => $"{mobile}-{mid}-{last[..3]}", 1 => "000-0000-0000", _ => "1234" },
        };
    }

    /// <summary>An E.164 number (+81…) written the way another shop's customer might have typed it.</summary>
    public static string Retype(string e164, ref IndexRandom r)
    {
        var national = "0" + e164[3..];
        var hyphenated = national.Length == 11
            ? $"{national[..3]}-{national[3..7]}-{national[7..]}"
            : national.StartsWith("03") || national.StartsWith("06")
                ? $"{national[..2]}-{national[2..6]}-{national[6..]}"
                : $"{national[..4]}-{national[4..6]}-{national[6..]}";
        return r.Next(4) switch
        {
            0 => hyphenated,
            1 => national,
            2 => $"+81-{hyphenated[1..]}",
            _ => FullWidth(hyphenated),
        };
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c));
}
