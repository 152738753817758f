using System.Collections.Frozen;
using System.Text;

namespace Ecai.Domain.Carts;

/// <summary>Each cart's word for a subscription's state, mapped to ECAI's <see cref="ContinuationStatus"/>.</summary>
public static class ContinuationStatusMap
{
    private static readonly Dictionary<CartKind, FrozenDictionary<string, ContinuationStatus>> Table = new()
    {
        [CartKind.Ecforce] = Map(("有効", ContinuationStatus.Active), ("停止", ContinuationStatus.Paused), ("キャンセル", ContinuationStatus.Cancelled),
                                 ("active", ContinuationStatus.Active), ("suspend", ContinuationStatus.Paused), ("canceled", ContinuationStatus.Cancelled)),
        [CartKind.Repeatst] = Map(("継続", ContinuationStatus.Active), ("一時停止", ContinuationStatus.Paused), ("解約済", ContinuationStatus.Cancelled)),
        [CartKind.SubscStore] = Map(("継続", ContinuationStatus.Active), ("停止", ContinuationStatus.Paused), ("終了", ContinuationStatus.Cancelled)),
        [CartKind.RakurakuRepeat] = Map(("ご注文継続", ContinuationStatus.Active), ("休止", ContinuationStatus.Paused), ("ご解約", ContinuationStatus.Cancelled)),
        [CartKind.Shopify] = Map(("アクティブ", ContinuationStatus.Active), ("停止", ContinuationStatus.Paused), ("解約", ContinuationStatus.Cancelled),
                                 ("ACTIVE", ContinuationStatus.Active), ("PAUSED", ContinuationStatus.Paused), ("CANCELLED", ContinuationStatus.Cancelled)),
        // Rakuten knows only Active and Cancelled (seed).
        [CartKind.RakutenRms] = Map(("Active", ContinuationStatus.Active), ("Cancelled", ContinuationStatus.Cancelled)),
    };

    /// <summary>
    /// The ECAI status for a cart's word; Unspecified for a word the table does not know. White space
    /// is trimmed, Latin case ignored, and half-width katakana / full-width Latin (CSV exports) folded.
    /// </summary>
    public static ContinuationStatus Map(CartKind cart, string? word) =>
        word is not null && Table[cart].TryGetValue(word.Normalize(NormalizationForm.FormKC).Trim(), out var status)
            ? status
            : ContinuationStatus.Unspecified;

    /// <summary>A cart's table, read-only: it is shared by every caller.</summary>
    public static IReadOnlyDictionary<string, ContinuationStatus> For(CartKind cart) => Table[cart];

    private static FrozenDictionary<string, ContinuationStatus> Map(params (string Word, ContinuationStatus Status)[] rows) =>
        rows.ToFrozenDictionary(r => r.Word, r => r.Status, StringComparer.OrdinalIgnoreCase);
}
