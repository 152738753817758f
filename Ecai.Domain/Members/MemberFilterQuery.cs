using System.Globalization;
using Ecai.Domain.Carts;

namespace Ecai.Domain.Members;

/// <summary>
/// A <see cref="MemberFilter"/> as a URL query string (会員リスト keeps its filter in the address, so it survives leaving
/// the page, and a bookmark or a shared link opens the same list): one readable parameter per condition. Reading is
/// forgiving: a value that cannot be read is left out (and named) while the other conditions still apply, and parameters
/// that are not the filter's (a tracking tag, another page's) are passed over.
/// </summary>
public static class MemberFilterQuery
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The filter's parameters, in a fixed order, values escaped; empty for <see cref="MemberFilter.All"/>.</summary>
    public static string Write(MemberFilter filter)
    {
        var parts = new List<(string, string)>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add((key, value));
        }
        static string? Ids(IReadOnlyList<int> ids) => ids.Count == 0 ? null : string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        static string? Num(long? v) => v?.ToString(CultureInfo.InvariantCulture);
        static string? Day(DateOnly? d) => d?.ToString(DateFormat, CultureInfo.InvariantCulture);

        Add("tags", Ids(filter.TagsAll));
        Add("anyTags", Ids(filter.TagsAny));
        Add("noTags", Ids(filter.TagsNone));
        Add("link", filter.Link == LinkState.Any ? null : filter.Link.ToString().ToLowerInvariant());
        Add("linkCart", Num(filter.LinkConnectionId));
        Add("friendFrom", Day(filter.FriendFrom));
        Add("friendTo", Day(filter.FriendTo));
        Add("product", filter.ProductCode);
        Add("course", filter.CourseName);
        Add("cart", Num(filter.PurchaseConnectionId));
        Add("boughtFrom", Day(filter.PurchasedFrom));
        Add("boughtTo", Day(filter.PurchasedTo));
        Add("ordersMin", Num(filter.PurchaseCountMin));
        Add("ordersMax", Num(filter.PurchaseCountMax));
        Add("amountMin", Num(filter.AmountMin));
        Add("amountMax", Num(filter.AmountMax));
        Add("status", filter.Status?.ToString().ToLowerInvariant());
        Add("birthdayFrom", filter.BirthdayFrom is { } bf ? bf.ToString("0000", CultureInfo.InvariantCulture) : null);
        Add("birthdayTo", filter.BirthdayTo is { } bt ? bt.ToString("0000", CultureInfo.InvariantCulture) : null);
        Add("birthMonth", Num(filter.BirthMonth));
        Add("blocked", filter.Blocked is { } b ? (b ? "yes" : "no") : null);
        return string.Join('&', parts.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    /// <summary>
    /// The filter a query string (with or without its leading "?") describes, and the parameters whose value could not
    /// be read, as written ("ordersMin=abc"), which were left out.
    /// </summary>
    public static (MemberFilter Filter, IReadOnlyList<string> Unread) Read(string? query)
    {
        var filter = MemberFilter.All;
        var unread = new List<string>();
        if (string.IsNullOrWhiteSpace(query)) return (filter, unread);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Unescape(pair[(eq + 1)..]).Trim();
            var read = Apply(filter, key, value);
            if (read is null) unread.Add($"{key}={value}");
            else filter = read;
        }
        return (filter, unread);
    }

    /// <summary>The filter with the parameter applied; the filter unchanged for a parameter that is not the filter's; null when the value is unreadable.</summary>
    private static MemberFilter? Apply(MemberFilter f, string key, string value)
    {
        if (value.Length == 0) return f;
        return key switch
        {
            "tags" => Ids(value) is { } all ? f with { TagsAll = all } : null,
            "anyTags" => Ids(value) is { } any ? f with { TagsAny = any } : null,
            "noTags" => Ids(value) is { } none ? f with { TagsNone = none } : null,
            "link" => value switch
            {
                "linked" => f with { Link = LinkState.Linked },
                "unlinked" => f with { Link = LinkState.Unlinked },
                _ => null,
            },
            "linkCart" => Int(value) is { } lc ? f with { LinkConnectionId = lc } : null,
            "friendFrom" => Day(value) is { } ff ? f with { FriendFrom = ff } : null,
            "friendTo" => Day(value) is { } ft ? f with { FriendTo = ft } : null,
            "product" => f with { ProductCode = value },
            "course" => f with { CourseName = value },
            "cart" => Int(value) is { } pc ? f with { PurchaseConnectionId = pc } : null,
            "boughtFrom" => Day(value) is { } pf ? f with { PurchasedFrom = pf } : null,
            "boughtTo" => Day(value) is { } pt ? f with { PurchasedTo = pt } : null,
            "ordersMin" => Int(value) is { } omin and >= 0 ? f with { PurchaseCountMin = omin } : null,
            "ordersMax" => Int(value) is { } omax and >= 0 ? f with { PurchaseCountMax = omax } : null,
            "amountMin" => Long(value) is { } amin and >= 0 ? f with { AmountMin = amin } : null,
            "amountMax" => Long(value) is { } amax and >= 0 ? f with { AmountMax = amax } : null,
            "status" => Enum.TryParse<ContinuationStatus>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(value, out _)
                ? f with { Status = s } : null,
            "birthdayFrom" => Int(value) is { } bf && MemberFilter.IsMonthDay(bf) ? f with { BirthdayFrom = bf } : null,
            "birthdayTo" => Int(value) is { } bt && MemberFilter.IsMonthDay(bt) ? f with { BirthdayTo = bt } : null,
            "birthMonth" => Int(value) is { } bm and >= 1 and <= 12 ? f with { BirthMonth = bm } : null,
            "blocked" => value switch
            {
                "yes" => f with { Blocked = true },
                "no" => f with { Blocked = false },
                _ => null,
            },
            _ => f,
        };
    }

    /// <summary>Percent-escapes decoded ("+" is a space); a broken escape is kept as written.</summary>
    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static int? Int(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static long? Long(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static IReadOnlyList<int>? Ids(string value)
    {
        var ids = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Int(part) is not { } id) return null;
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids.Count == 0 ? null : ids;
    }
}
