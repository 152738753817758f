namespace Ecai.Domain.Carts;

/// <summary>
/// Two copies of purchase data kept beside the orders, so segment queries never count or look up orders:
/// <list type="bullet">
/// <item>each customer's non-cancelled order count and amount (<see cref="CustomerOrderTotal"/>): purchase-count and
/// amount filters and rules read one row per linked customer;</item>
/// <item>each order line's copy of its order's customer, cancellation and date (<see cref="CartOrderItem.CustomerExternalId"/>, …):
/// "who bought this product (when)" is read from the lines' index alone.</item>
/// </list>
/// <see cref="CartImportWriter"/>, the only writer of orders, keeps both in the batch's transaction: lines are written with
/// their order's values, and the totals move by what the batch changes (each order's stored contribution out, its new one
/// in, one prepared upsert per customer). Per-row SQLite triggers did the same at half the import's speed. <see cref="Rebuild"/>
/// recomputes both: the PurchaseTotals migration's backfill, and the tests' check.
/// </summary>
public static class PurchaseCopies
{
    /// <summary>Adds one customer's change (connection, customer external id, orders, amount) to its totals: head and tail of a <see cref="Data.SqlBatch"/> insert.</summary>
    internal const string AddToTotals = "INSERT INTO CustomerOrderTotals (ConnectionId, CustomerExternalId, Orders, Amount)";

    internal const string AddToTotalsTail =
        "ON CONFLICT (ConnectionId, CustomerExternalId) DO UPDATE SET Orders = CustomerOrderTotals.Orders + excluded.Orders, Amount = CustomerOrderTotals.Amount + excluded.Amount";

    /// <summary>Counts every customer's totals and copies every order to its lines.</summary>
    public static IEnumerable<string> Rebuild() =>
    [
        "DELETE FROM CustomerOrderTotals",
        """
        INSERT INTO CustomerOrderTotals (ConnectionId, CustomerExternalId, Orders, Amount)
        SELECT ConnectionId, CustomerExternalId, count(*), sum(Amount) FROM CartOrders WHERE NOT Cancelled GROUP BY ConnectionId, CustomerExternalId
        """,
        """
        UPDATE CartOrderItems SET (CustomerExternalId, Cancelled, OrderedAt) = (SELECT o.CustomerExternalId, o.Cancelled, o.OrderedAt
          FROM CartOrders o WHERE o.ConnectionId = CartOrderItems.ConnectionId AND o.ExternalId = CartOrderItems.OrderExternalId)
        """,
    ];
}
