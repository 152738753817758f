using System.Text.Json;
using System.Text.Json.Serialization;
using Ecai.Domain.Carts;

namespace Ecai.Domain.Members;

public enum LinkState { Any = 0, Linked = 1, Unlinked = 2 }

/// <summary>
/// Which members a feature works on (会員リスト, bulk tags, step and follow-message targets, broadcasts):
/// every condition set must hold. Dates are Japan days; purchases are those of every linked cart customer,
/// cancelled orders excluded. It compiles to one SQL query (<see cref="MemberFilterSql"/>).
/// </summary>
public sealed record MemberFilter
{
    /// <summary>Has every one of these tags.</summary>
    public IReadOnlyList<int> TagsAll { get; init; } = [];
    /// <summary>Has at least one of these tags.</summary>
    public IReadOnlyList<int> TagsAny { get; init; } = [];
    /// <summary>Has none of these tags.</summary>
    public IReadOnlyList<int> TagsNone { get; init; } = [];

    /// <summary>Whether any tag condition names <paramref name="tagId"/> (a tag in use cannot be deleted).</summary>
    public bool NamesTag(int tagId) => TagsAll.Contains(tagId) || TagsAny.Contains(tagId) || TagsNone.Contains(tagId);

    /// <summary>Whether the filter names the cart connection (a link or purchase condition on it): 連携解除 lists what depends on it.</summary>
    public bool NamesConnection(int connectionId) => LinkConnectionId == connectionId || PurchaseConnectionId == connectionId;

    public LinkState Link { get; init; }
    /// <summary>With <see cref="LinkState.Linked"/> or <see cref="LinkState.Unlinked"/>: to (or not to) this cart connection only.</summary>
    public int? LinkConnectionId { get; init; }

    /// <summary>Became a friend on or after / on or before this day (JST).</summary>
    public DateOnly? FriendFrom { get; init; }
    public DateOnly? FriendTo { get; init; }

    /// <summary>Bought this product (code) — in <see cref="PurchaseConnectionId"/>'s cart when given.</summary>
    public string? ProductCode { get; init; }
    /// <summary>Bought under this course (cart's course name).</summary>
    public string? CourseName { get; init; }
    public int? PurchaseConnectionId { get; init; }
    /// <summary>Bought something (the product or course, when given) on a day in this range (JST).</summary>
    public DateOnly? PurchasedFrom { get; init; }
    public DateOnly? PurchasedTo { get; init; }

    /// <summary>Number of orders, all carts together.</summary>
    public int? PurchaseCountMin { get; init; }
    public int? PurchaseCountMax { get; init; }
    /// <summary>Total amount in yen, all carts together.</summary>
    public long? AmountMin { get; init; }
    public long? AmountMax { get; init; }

    /// <summary>Has a subscription in this continuation status.</summary>
    public ContinuationStatus? Status { get; init; }

    /// <summary>Birthday (month and day) from / to as MMDD; a range may wrap the year end (1220–0110).</summary>
    public int? BirthdayFrom { get; init; }
    public int? BirthdayTo { get; init; }
    /// <summary>Born in this month (1–12).</summary>
    public int? BirthMonth { get; init; }

    /// <summary>Only blocked (true) or only not blocked (false) friends.</summary>
    public bool? Blocked { get; init; }

    public static MemberFilter All { get; } = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The filter as stored with a feature that keeps one (step-message and follow-message targets, broadcasts).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MemberFilter Parse(string json) => JsonSerializer.Deserialize<MemberFilter>(json, Json) ?? All;

    /// <summary>Japanese messages for conditions that cannot hold or cannot be read; empty when the filter is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FriendFrom > FriendTo) problems.Add("友だち追加日の範囲が逆になっています。");
        if (PurchasedFrom > PurchasedTo) problems.Add("購入日の範囲が逆になっています。");
        if (PurchaseCountMin > PurchaseCountMax) problems.Add("購入回数の範囲が逆になっています。");
        if (AmountMin > AmountMax) problems.Add("購入金額の範囲が逆になっています。");
        if (PurchaseCountMin < 0 || PurchaseCountMax < 0 || AmountMin < 0 || AmountMax < 0) problems.Add("購入回数・金額に負の数は指定できません。");
        if (BirthdayFrom is { } from && !IsMonthDay(from) || BirthdayTo is { } to && !IsMonthDay(to)) problems.Add("誕生日の範囲は月日(例: 12/20)で指定してください。");
        if (BirthdayFrom is null != BirthdayTo is null) problems.Add("誕生日の範囲は開始と終了の両方を指定してください。");
        if (BirthMonth is < 1 or > 12) problems.Add("誕生月は1〜12で指定してください。");
        return problems;
    }

    /// <summary>"12/20", "12-20", "12月20日" or "1220" as MMDD; null when blank or not a day of the year.</summary>
    public static int? ParseMonthDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(['/', '-', '月', '日'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        int? value = parts.Length == 2 && int.TryParse(parts[0], out var m) && int.TryParse(parts[1], out var d) ? m * 100 + d
            : digits.Length is 3 or 4 ? int.Parse(digits) : null;
        return value is { } v && IsMonthDay(v) ? v : null;
    }

    /// <summary>MMDD of a real day of the year (02/29 included).</summary>
    public static bool IsMonthDay(int mmdd) =>
        mmdd / 100 is >= 1 and <= 12 && mmdd % 100 >= 1 && mmdd % 100 <= DateTime.DaysInMonth(2024, mmdd / 100);
}
