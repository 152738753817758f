namespace Ecai.Domain.Carts;

/// <summary>
/// Each cart customer's non-cancelled order count and amount (<see cref="CartCustomer.OrderCount"/>,
/// <see cref="CartCustomer.OrderAmount"/>), kept exact by SQLite triggers in the transaction of every change to an order
/// (inserted, updated, cancelled, moved to another customer, deleted) and set when a customer arrives after its orders.
/// Purchase-count and amount filters and rules then read one row per linked customer instead of counting orders.
/// The PurchaseTotals migration runs this text: a change here needs a new migration that drops and re-creates the triggers.
/// </summary>
public static class CustomerOrderTotals
{
    public static readonly string[] Names =
    [
        "CartOrders_Totals_Insert", "CartOrders_Totals_Update", "CartOrders_Totals_Delete", "CartCustomers_Totals_Insert",
    ];

    /// <summary>Adds (or takes away) one order row's count and amount on its customer, when the order is not cancelled.</summary>
    private static string Apply(string order, char sign) => $"""
          UPDATE CartCustomers SET OrderCount = OrderCount {sign} 1, OrderAmount = OrderAmount {sign} {order}.Amount
          WHERE {order}.Cancelled = 0 AND ConnectionId = {order}.ConnectionId AND ExternalId = {order}.CustomerExternalId;
        """;

    /// <summary>A customer's totals counted from its orders (the customer row is <paramref name="customer"/>).</summary>
    private static string Recount(string customer) => $"""
        (SELECT count(*), coalesce(sum(o.Amount), 0) FROM CartOrders o
         WHERE o.ConnectionId = {customer}.ConnectionId AND o.CustomerExternalId = {customer}.ExternalId AND o.Cancelled = 0)
        """;

    public static IEnumerable<string> Create() =>
    [
        $"""
        CREATE TRIGGER CartOrders_Totals_Insert AFTER INSERT ON CartOrders BEGIN
        {Apply("NEW", '+')}
        END
        """,
        // A re-import rewrites every column: only a real change of what counts moves the totals.
        $"""
        CREATE TRIGGER CartOrders_Totals_Update AFTER UPDATE OF ConnectionId, CustomerExternalId, Amount, Cancelled ON CartOrders
        WHEN OLD.ConnectionId <> NEW.ConnectionId OR OLD.CustomerExternalId <> NEW.CustomerExternalId
          OR OLD.Amount <> NEW.Amount OR OLD.Cancelled <> NEW.Cancelled BEGIN
        {Apply("OLD", '-')}
        {Apply("NEW", '+')}
        END
        """,
        $"""
        CREATE TRIGGER CartOrders_Totals_Delete AFTER DELETE ON CartOrders BEGIN
        {Apply("OLD", '-')}
        END
        """,
        // Some carts send orders before their customer: the new customer starts from the orders already there.
        $"""
        CREATE TRIGGER CartCustomers_Totals_Insert AFTER INSERT ON CartCustomers
        WHEN EXISTS (SELECT 1 FROM CartOrders o WHERE o.ConnectionId = NEW.ConnectionId AND o.CustomerExternalId = NEW.ExternalId) BEGIN
          UPDATE CartCustomers SET (OrderCount, OrderAmount) = {Recount("NEW")} WHERE Id = NEW.Id;
        END
        """,
    ];

    /// <summary>Recounts every customer's totals from the orders (the migration's backfill, and a check in the tests).</summary>
    public static string Rebuild() => $"UPDATE CartCustomers SET (OrderCount, OrderAmount) = {Recount("CartCustomers")}";
}
