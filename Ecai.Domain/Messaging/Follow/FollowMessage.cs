using Ecai.Domain.Carts;

namespace Ecai.Domain.Messaging.Follow;

/// <summary>
/// 引上フォローメッセージ: messages sent N days after an order of a trigger product was shipped, at HH:MM JST. Only carts
/// that report a shipping date carry it (<see cref="ShippingCarts"/>). When several follow messages have the same trigger
/// product, each (order, member) gets the one with the best <see cref="Priority"/> (1 = highest) whose target it matches.
/// </summary>
public sealed class FollowMessage : Data.IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxScenarios = 20;
    public const int MaxDaysAfter = 365;

    /// <summary>The carts whose orders carry a shipping date (発送日): ecforce, 楽天RMS, リピスト.</summary>
    public static readonly IReadOnlySet<CartKind> ShippingCarts = new HashSet<CartKind> { CartKind.Ecforce, CartKind.RakutenRms, CartKind.Repeatst };

    public int Id { get; set; }
    public int BotId { get; set; }
    /// <summary>The cart; null once that cart was disconnected and the operator chose to keep the message (switched off).</summary>
    public int? ConnectionId { get; set; }
    /// <summary>メッセージ管理名 (operators only).</summary>
    public string Name { get; set; } = "";
    /// <summary>ステータス: off plans nothing and stops what is pending.</summary>
    public bool Enabled { get; set; }
    /// <summary>トリガー商品: a code of the connection's CartProducts.</summary>
    public string ProductCode { get; set; } = "";
    /// <summary>定期回数: only the Nth subscription delivery (CartOrder.Times = N); null = any order of the product.</summary>
    public int? Times { get; set; }
    /// <summary>ターゲット: null = everyone, else a <see cref="Members.MemberFilter"/> as JSON.</summary>
    public string? FilterJson { get; set; }
    /// <summary>配信順 among the follow messages of the same connection and product: 1 is the highest.</summary>
    public int Priority { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded. Saving its scenarios counts as a change of the message.</summary>
    public int Version { get; set; }
    public List<FollowScenario> Scenarios { get; set; } = [];
}

/// <summary>
/// One send of a follow message: "<see cref="DaysAfter"/> days after the shipping date at <see cref="AtTime"/> JST"
/// (a wall-clock time, never "hours after"), its content and what happens after it was sent.
/// Deliveries point at the scenario (SourceId), so its id is kept when the message is edited.
/// </summary>
public sealed class FollowScenario
{
    public long Id { get; set; }
    public int FollowMessageId { get; set; }
    public int SortOrder { get; set; }
    public int DaysAfter { get; set; }
    public TimeOnly AtTime { get; set; }
    /// <summary>The content (an immutable <see cref="StoredMessage"/>; a new row whenever it is edited).</summary>
    public long MessageId { get; set; }
    /// <summary>After sending: add this tag.</summary>
    public int? AddTagId { get; set; }
    /// <summary>After sending: remove this tag.</summary>
    public int? RemoveTagId { get; set; }
    /// <summary>After sending: link this rich menu (LINE's rich menu id) to the member.</summary>
    public string? RichMenuId { get; set; }
    /// <summary>After sending: add (positive) or take (negative) points; 0 = none.</summary>
    public int Points { get; set; }

    public bool HasActions => AddTagId is not null || RemoveTagId is not null || RichMenuId is not null || Points != 0;
}

/// <summary>
/// The actions of one sent follow delivery, recorded when they were applied (so a retried batch applies them once).
/// The rich menu is linked over HTTP after the dispatcher's transaction; <see cref="RichMenuLinkedAt"/> marks it done.
/// </summary>
public sealed class FollowAction
{
    /// <summary>The delivery whose actions these are (also the key).</summary>
    public long DeliveryId { get; set; }
    public int BotId { get; set; }
    public long MemberId { get; set; }
    public long ScenarioId { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    /// <summary>The rich menu to link, or null when the scenario changes none.</summary>
    public string? RichMenuId { get; set; }
    public DateTimeOffset? RichMenuLinkedAt { get; set; }
    public int RichMenuAttempts { get; set; }
    public string? RichMenuError { get; set; }
}

/// <summary>
/// The planner's memo of one shipped order in the follow window: which trigger products it holds (null: none), as of its
/// shipping date. Reading an order's lines is the scan's costly part, so each order is read once (again only when its
/// shipping date changes or the set of trigger products does); matching members, targets, Times and cancellation are
/// checked afresh on every run.
/// </summary>
public sealed class FollowOrderScan
{
    public long OrderId { get; set; }
    public int ConnectionId { get; set; }
    public DateTimeOffset ShippedAt { get; set; }
    /// <summary>The order's trigger product codes, comma-separated; null when it holds none.</summary>
    public string? Products { get; set; }
}

/// <summary>Which trigger products (connection:code, sorted) a bot's <see cref="FollowOrderScan"/> rows were read for.</summary>
public sealed class FollowScanState
{
    public int BotId { get; set; }
    public string Triggers { get; set; } = "";
}
