using Ecai.Domain.Carts;

namespace Ecai.Domain.Tags;

/// <summary>What a tag rule (タグの自動設定) looks at.</summary>
public enum TagRuleKind
{
    /// <summary>The member's purchase count compared to <see cref="TagRule.Number"/>.</summary>
    PurchaseCount = 1,
    /// <summary>The member bought the product <see cref="TagRule.Text"/> (a product code) under any linked customer.</summary>
    Product = 2,
    /// <summary>The member bought under the course <see cref="TagRule.Text"/>.</summary>
    Course = 3,
    /// <summary>A subscription of the member has the continuation status <see cref="TagRule.Status"/>.</summary>
    ContinuationStatus = 4,
    /// <summary>When the member is linked to a cart (カート連携時); optionally to one connection.</summary>
    CartLinked = 5,
    /// <summary>The member's birthday (month and day, no year) lies in <see cref="TagRule.FromMonthDay"/>–<see cref="TagRule.ToMonthDay"/>; the range may wrap the year end.</summary>
    BirthdayRange = 6,
    /// <summary>The member's birth month is the current month in Japan (added on the 1st at 00:00 JST, removed the next month).</summary>
    BirthMonth = 7,
}

public enum TagRuleAction { Add = 1, Remove = 2 }

public enum Comparison { GreaterThan = 1, AtLeast = 2, Equal = 3, AtMost = 4, LessThan = 5 }

/// <summary>
/// One tag auto-setting: while its condition holds for a member, the tag is added (or removed). Rules run on
/// the events that can change them and in a quarter-hourly sweep.
/// </summary>
public sealed class TagRule : Data.IVersioned
{
    public int Id { get; set; }
    public int BotId { get; set; }
    public int TagId { get; set; }
    public TagRuleAction Action { get; set; } = TagRuleAction.Add;
    public TagRuleKind Kind { get; set; }
    public Comparison? Comparison { get; set; }
    public long? Number { get; set; }
    /// <summary>Product code or course name.</summary>
    public string? Text { get; set; }
    public ContinuationStatus? Status { get; set; }
    /// <summary>Restricts product, course, status and cart-link rules to one connection.</summary>
    public int? ConnectionId { get; set; }
    /// <summary>MMDD, e.g. 1220 for 12/20.</summary>
    public int? FromMonthDay { get; set; }
    public int? ToMonthDay { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded. The list's on/off switch is not counted: the editor never
    /// writes it, so switching a rule does not make an open editor stale.
    /// </summary>
    public int Version { get; set; }
}

/// <summary>How far a consumer has read a bot's member events (tag rules on events; later, step triggers).</summary>
public sealed class EventCursor
{
    public int BotId { get; set; }
    public required string Consumer { get; set; }
    public long LastEventId { get; set; }
}
