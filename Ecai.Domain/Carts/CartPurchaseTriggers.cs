namespace Ecai.Domain.Carts;

/// <summary>
/// SQLite triggers that keep two copies of purchase data exact in the transaction of every change, whoever writes:
/// <list type="bullet">
/// <item>each customer's non-cancelled order count and amount (<see cref="CartCustomer.OrderCount"/>,
/// <see cref="CartCustomer.OrderAmount"/>), moved by every order inserted, changed, cancelled, moved to another customer
/// or deleted, and counted when a customer arrives after its orders; purchase-count and amount filters read one row per
/// linked customer instead of counting orders;</item>
/// <item>each order line's copy of its order's customer, cancellation and date (<see cref="CartOrderItem.CustomerExternalId"/>, …):
/// the import writes them with the line, a line written without them gets them from its order, and a change of the order
/// is copied to its lines; "who bought this product" is then read from the lines' index alone.</item>
/// </list>
/// The PurchaseTotals migration runs this text: a change here needs a new migration that drops and re-creates the triggers.
/// </summary>
public static class CartPurchaseTriggers
{
    /// <summary>The triggers on CartOrders (EF must know a table has triggers).</summary>
    public static readonly string[] OrderTriggers = ["CartOrders_Totals_Insert", "CartOrders_Purchases_Update", "CartOrders_Totals_Delete"];

    public static IEnumerable<string> Names => [.. OrderTriggers, "CartCustomers_Totals_Insert", "CartOrderItems_Copies_Insert"];

    /// <summary>Adds (or takes away) one order row's count and amount on its customer, when the order is not cancelled.</summary>
    private static string Total(string order, char sign) => $"""
          UPDATE CartCustomers SET OrderCount = OrderCount {sign} 1, OrderAmount = OrderAmount {sign} {order}.Amount
          WHERE {order}.Cancelled = 0 AND ConnectionId = {order}.ConnectionId AND ExternalId = {order}.CustomerExternalId;
        """;

    /// <summary>A customer's totals counted from its orders (the customer row is <paramref name="customer"/>).</summary>
    private static string Recount(string customer) => $"""
        (SELECT count(*), coalesce(sum(o.Amount), 0) FROM CartOrders o
         WHERE o.ConnectionId = {customer}.ConnectionId AND o.CustomerExternalId = {customer}.ExternalId AND o.Cancelled = 0)
        """;

    /// <summary>A line's copies from its order (the line row is <paramref name="line"/>).</summary>
    private static string OrderOf(string line) => $"""
        (SELECT o.CustomerExternalId, o.Cancelled, o.OrderedAt FROM CartOrders o
         WHERE o.ConnectionId = {line}.ConnectionId AND o.ExternalId = {line}.OrderExternalId)
        """;

    public static IEnumerable<string> Create() =>
    [
        $"""
        CREATE TRIGGER CartOrders_Totals_Insert AFTER INSERT ON CartOrders BEGIN
        {Total("NEW", '+')}
        END
        """,
        // A re-import rewrites every column: only a real change moves the totals or touches the lines.
        $"""
        CREATE TRIGGER CartOrders_Purchases_Update AFTER UPDATE OF CustomerExternalId, Amount, Cancelled, OrderedAt ON CartOrders
        WHEN OLD.CustomerExternalId <> NEW.CustomerExternalId OR OLD.Amount <> NEW.Amount OR OLD.Cancelled <> NEW.Cancelled
          OR OLD.OrderedAt <> NEW.OrderedAt BEGIN
        {Total("OLD", '-')}
        {Total("NEW", '+')}
          UPDATE CartOrderItems SET CustomerExternalId = NEW.CustomerExternalId, Cancelled = NEW.Cancelled, OrderedAt = NEW.OrderedAt
          WHERE ConnectionId = NEW.ConnectionId AND OrderExternalId = NEW.ExternalId;
        END
        """,
        $"""
        CREATE TRIGGER CartOrders_Totals_Delete AFTER DELETE ON CartOrders BEGIN
        {Total("OLD", '-')}
        END
        """,
        // Some carts send orders before their customer: the new customer starts from the orders already there.
        $"""
        CREATE TRIGGER CartCustomers_Totals_Insert AFTER INSERT ON CartCustomers
        WHEN EXISTS (SELECT 1 FROM CartOrders o WHERE o.ConnectionId = NEW.ConnectionId AND o.CustomerExternalId = NEW.ExternalId) BEGIN
          UPDATE CartCustomers SET (OrderCount, OrderAmount) = {Recount("NEW")} WHERE Id = NEW.Id;
        END
        """,
        $"""
        CREATE TRIGGER CartOrderItems_Copies_Insert AFTER INSERT ON CartOrderItems WHEN NEW.CustomerExternalId IS NULL BEGIN
          UPDATE CartOrderItems SET (CustomerExternalId, Cancelled, OrderedAt) = {OrderOf("NEW")} WHERE rowid = NEW.rowid;
        END
        """,
    ];

    /// <summary>Recounts every customer's totals and copies every order to its lines (the migration's backfill; a check in the tests).</summary>
    public static IEnumerable<string> Rebuild() =>
    [
        $"UPDATE CartCustomers SET (OrderCount, OrderAmount) = {Recount("CartCustomers")}",
        $"UPDATE CartOrderItems SET (CustomerExternalId, Cancelled, OrderedAt) = {OrderOf("CartOrderItems")}",
    ];
}
