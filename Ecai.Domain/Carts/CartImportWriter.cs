using System.Data.Common;
using System.Text.Json;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;

namespace Ecai.Domain.Carts;

/// <summary>
/// Writes one page of a pull in one transaction: the rows (upserted set-wise) and the stream's
/// cursor together, so a crash between pages neither loses nor duplicates anything.
/// </summary>
internal static class CartImportWriter
{
    /// <summary>Japanese stays readable in stored JSON (checkout lines).</summary>
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> in one transaction on the import connection.</summary>
    public static async Task InTransactionAsync(DbConnection db, Func<DbTransaction, Task> write, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        await write(tx);
        await tx.CommitAsync(ct);
    }

    public static async Task WriteCustomersAsync(DbConnection db, DbTransaction tx, int connectionId, int botId,
        IReadOnlyList<CartCustomerRecord> rows, string? cursor, CancellationToken ct)
    {
        await UpsertCustomersAsync(db, tx, connectionId, botId, rows, ct);
        await SaveCursorAsync(db, tx, connectionId, "CustomerCursor", cursor, ct);
    }

    private static Task UpsertCustomersAsync(DbConnection db, DbTransaction tx, int connectionId, int botId,
        IReadOnlyList<CartCustomerRecord> rows, CancellationToken ct) =>
        SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartCustomers (ConnectionId, BotId, ExternalId, Number, Name, PhoneRaw, PhoneNormalized, EmailNormalized, LineUserId, Birthday, UpdatedAt)",
            11,
            """
            ON CONFLICT(ConnectionId, ExternalId) DO UPDATE SET
              Number = excluded.Number, Name = excluded.Name, PhoneRaw = excluded.PhoneRaw,
              PhoneNormalized = excluded.PhoneNormalized, EmailNormalized = excluded.EmailNormalized,
              LineUserId = excluded.LineUserId, Birthday = excluded.Birthday, UpdatedAt = excluded.UpdatedAt
            WHERE excluded.UpdatedAt >= CartCustomers.UpdatedAt
            """,
            rows, (r, v) =>
            {
                v[0] = connectionId; v[1] = botId; v[2] = r.ExternalId; v[3] = r.Number; v[4] = r.Name; v[5] = r.PhoneRaw;
                v[6] = PhoneNormalizer.Normalize(r.PhoneRaw); v[7] = EmailNormalizer.Normalize(r.Email);
                v[8] = string.IsNullOrWhiteSpace(r.LineUserId) ? null : r.LineUserId.Trim();
                v[9] = r.Birthday?.ToString("yyyy-MM-dd"); v[10] = r.UpdatedAt.UtcTicks;
            }, ct);

    /// <param name="keepNewer">
    /// Pushes (webhooks) arrive in any order and are retried with their original body for hours: an order older than the
    /// stored one (by the cart's updated_at) is left out, so a late redelivery never undoes a later change such as a
    /// cancellation. Pulls read in updated_at order and pass false.
    /// </param>
    public static async Task WriteOrdersAsync(DbConnection db, DbTransaction tx, int connectionId, int botId,
        IReadOnlyList<CartOrderRecord> rows, string? cursor, CancellationToken ct, bool keepNewer = false)
    {
        var dialect = SqlDialect.Of(db);
        // The totals move by what this batch reads of the stored orders: two writers of one connection (a pull and a
        // webhook) take turns, so neither counts an order the other is writing (docs/architecture.md, "Concurrency-correct writes").
        await SqlBatch.ExecuteAsync(db, tx, dialect.LockRow("CartConnections", "@c"), ct, ("@c", connectionId));
        if (keepNewer) rows = await WithoutStaleAsync(db, tx, connectionId, rows, ct);
        // Carts without a customer list (Rakuten) carry the buyer on the order; the newest copy wins.
        var buyers = rows.Where(r => r.Customer is not null).Select(r => r.Customer!)
            .GroupBy(c => c.ExternalId).Select(g => g.MaxBy(c => c.UpdatedAt)!).ToList();
        await UpsertCustomersAsync(db, tx, connectionId, botId, buyers, ct);
        var ids = dialect.List(rows.Select(r => r.ExternalId));
        var totals = await TotalsDeltaAsync(db, tx, connectionId, rows, ids, ct);
        await SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartOrders (ConnectionId, ExternalId, CustomerExternalId, Number, OrderedAt, Amount, ShippedAt, SubscriptionExternalId, Times, DeliveryMethod, Cancelled, UpdatedAt, DeliveryDate, DeliveryTime, Currency)",
            15,
            """
            ON CONFLICT(ConnectionId, ExternalId) DO UPDATE SET
              CustomerExternalId = excluded.CustomerExternalId, Number = excluded.Number, OrderedAt = excluded.OrderedAt,
              Amount = excluded.Amount, ShippedAt = excluded.ShippedAt, SubscriptionExternalId = excluded.SubscriptionExternalId,
              Times = excluded.Times, DeliveryMethod = excluded.DeliveryMethod, Cancelled = excluded.Cancelled, UpdatedAt = excluded.UpdatedAt,
              DeliveryDate = excluded.DeliveryDate, DeliveryTime = excluded.DeliveryTime, Currency = excluded.Currency
            """,
            rows, (r, v) =>
            {
                v[0] = connectionId; v[1] = r.ExternalId; v[2] = r.CustomerExternalId; v[3] = r.Number; v[4] = r.OrderedAt.UtcTicks;
                v[5] = r.Amount; v[6] = r.ShippedAt?.UtcTicks; v[7] = r.SubscriptionExternalId; v[8] = r.Times;
                v[9] = r.DeliveryMethod; v[10] = r.Cancelled; v[11] = r.UpdatedAt.UtcTicks;
                v[12] = r.DeliveryDate?.ToString("yyyy-MM-dd"); v[13] = r.DeliveryTime;
                v[14] = r.Currency;
            }, ct);
        await UpsertSubscriptionsFromOrdersAsync(db, tx, connectionId, rows, ct);

        // An updated order replaces its lines: drop the old ones, insert the new ones.
        await SqlBatch.ExecuteAsync(db, tx,
            $"DELETE FROM CartOrderItems WHERE ConnectionId = @c AND OrderExternalId IN {dialect.ValuesOf("@ids")}", ct,
            ("@c", connectionId), ("@ids", ids));
        // Each line carries its order's customer, cancellation and date (product filters read them from the lines' index).
        var items = rows.SelectMany(o => o.Items.Select((item, i) => (Order: o, LineNo: i + 1, Item: item))).ToList();
        await SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartOrderItems (ConnectionId, OrderExternalId, LineNo, ProductCode, ProductName, CourseName, Quantity, Price, CustomerExternalId, Cancelled, OrderedAt)",
            11, "ON CONFLICT DO NOTHING", items, (r, v) =>
            {
                v[0] = connectionId; v[1] = r.Order.ExternalId; v[2] = r.LineNo; v[3] = r.Item.ProductCode; v[4] = r.Item.ProductName;
                v[5] = r.Item.CourseName; v[6] = r.Item.Quantity; v[7] = r.Item.Price;
                v[8] = r.Order.CustomerExternalId; v[9] = r.Order.Cancelled; v[10] = r.Order.OrderedAt.UtcTicks;
            }, ct);

        await SqlBatch.InsertAsync(db, tx, PurchaseCopies.AddToTotals, 4, PurchaseCopies.AddToTotalsTail, totals, (d, v) =>
        {
            v[0] = connectionId; v[1] = d.Customer; v[2] = d.Orders; v[3] = d.Amount;
        }, ct);

        // A custom line (a tip, gift wrap: no product code) is kept on its order, but is no product to filter by.
        var products = items.Select(i => i.Item).Where(i => i.ProductCode.Length > 0).DistinctBy(i => i.ProductCode).ToList();
        await UpsertProductsAsync(db, tx, connectionId, products.Select(p => (p.ProductCode, p.ProductName, p.CourseName)).ToList(), ct);
        await SaveCursorAsync(db, tx, connectionId, "OrderCursor", cursor, ct);
    }

    /// <summary>The rows not older than the stored copy of their order.</summary>
    private static async Task<IReadOnlyList<CartOrderRecord>> WithoutStaleAsync(DbConnection db, DbTransaction tx, int connectionId,
        IReadOnlyList<CartOrderRecord> rows, CancellationToken ct)
    {
        var stored = new Dictionary<string, long>();
        await using var read = db.CreateCommand();
        read.Transaction = tx;
        var dialect = SqlDialect.Of(db);
        read.CommandText = $"SELECT ExternalId, UpdatedAt FROM CartOrders WHERE ConnectionId = @c AND ExternalId IN {dialect.ValuesOf("@ids")}";
        read.Add("@c", connectionId);
        read.Add("@ids", dialect.List(rows.Select(r => r.ExternalId)));
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) stored[reader.GetString(0)] = reader.GetInt64(1);
        return stored.Count == 0 ? rows : [.. rows.Where(r => !stored.TryGetValue(r.ExternalId, out var at) || r.UpdatedAt.UtcTicks >= at)];
    }

    /// <summary>
    /// How this batch moves each customer's order totals (<see cref="PurchaseCopies"/>): every order's stored contribution
    /// out (read in the batch's transaction, before the upsert) and its new one in, for the customers that change.
    /// </summary>
    private static async Task<List<(string Customer, int Orders, long Amount)>> TotalsDeltaAsync(DbConnection db, DbTransaction tx, int connectionId,
        IReadOnlyList<CartOrderRecord> rows, object ids, CancellationToken ct)
    {
        var stored = new Dictionary<string, (string Customer, long Amount, bool Cancelled)>();
        await using (var read = db.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = $"""
                SELECT ExternalId, CustomerExternalId, Amount, Cancelled FROM CartOrders
                WHERE ConnectionId = @c AND ExternalId IN {SqlDialect.Of(db).ValuesOf("@ids")}
                """;
            read.Add("@c", connectionId);
            read.Add("@ids", ids);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3));
        }
        var deltas = new Dictionary<string, (int Orders, long Amount)>();
        void Add(string customer, int orders, long amount)
        {
            var (o, a) = deltas.GetValueOrDefault(customer);
            deltas[customer] = (o + orders, a + amount);
        }
        foreach (var r in rows)
        {
            if (stored.TryGetValue(r.ExternalId, out var old) && !old.Cancelled) Add(old.Customer, -1, -old.Amount);
            if (!r.Cancelled) Add(r.CustomerExternalId, 1, r.Amount);
            stored[r.ExternalId] = (r.CustomerExternalId, r.Amount, r.Cancelled);
        }
        return [.. deltas.Where(d => d.Value != default).Select(d => (d.Key, d.Value.Orders, d.Value.Amount))];
    }

    public static async Task WriteSubscriptionsAsync(DbConnection db, DbTransaction tx, int connectionId,
        IReadOnlyList<CartSubscriptionRecord> rows, string? cursor, CancellationToken ct)
    {
        await SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartSubscriptions (ConnectionId, ExternalId, CustomerExternalId, Status, RawStatus, ProductCode, CourseName, NextShipAt, UpdatedAt)",
            9,
            """
            ON CONFLICT(ConnectionId, ExternalId) DO UPDATE SET
              CustomerExternalId = excluded.CustomerExternalId, Status = excluded.Status, RawStatus = excluded.RawStatus,
              ProductCode = excluded.ProductCode, CourseName = excluded.CourseName, NextShipAt = excluded.NextShipAt,
              UpdatedAt = excluded.UpdatedAt
            """,
            rows, (r, v) =>
            {
                v[0] = connectionId; v[1] = r.ExternalId; v[2] = r.CustomerExternalId; v[3] = (int)r.Status; v[4] = r.RawStatus;
                v[5] = r.ProductCode; v[6] = r.CourseName; v[7] = r.NextShipAt?.UtcTicks; v[8] = r.UpdatedAt.UtcTicks;
            }, ct);
        await SaveCursorAsync(db, tx, connectionId, "SubscriptionCursor", cursor, ct);
    }

    /// <summary>
    /// Orders that report their subscription's state (Rakuten 定期購入, Shopify's subscription-app tags) keep a
    /// subscription row: the newest order by order date decides, an older order arriving later changes nothing.
    /// </summary>
    private static Task UpsertSubscriptionsFromOrdersAsync(DbConnection db, DbTransaction tx, int connectionId,
        IReadOnlyList<CartOrderRecord> rows, CancellationToken ct)
    {
        var latest = rows.Where(r => r.SubscriptionExternalId is not null && r.SubscriptionStatus is not null)
            .GroupBy(r => r.SubscriptionExternalId!).Select(g => g.MaxBy(r => r.OrderedAt)!).ToList();
        return SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartSubscriptions (ConnectionId, ExternalId, CustomerExternalId, Status, RawStatus, ProductCode, CourseName, NextShipAt, UpdatedAt)",
            9,
            """
            ON CONFLICT(ConnectionId, ExternalId) DO UPDATE SET
              CustomerExternalId = excluded.CustomerExternalId, Status = excluded.Status,
              ProductCode = coalesce(excluded.ProductCode, CartSubscriptions.ProductCode), CourseName = coalesce(excluded.CourseName, CartSubscriptions.CourseName),
              UpdatedAt = excluded.UpdatedAt
            WHERE excluded.UpdatedAt >= CartSubscriptions.UpdatedAt
            """,
            latest, (r, v) =>
            {
                var first = r.Items.Count > 0 ? r.Items[0] : null;
                v[0] = connectionId; v[1] = r.SubscriptionExternalId; v[2] = r.CustomerExternalId; v[3] = (int)r.SubscriptionStatus!.Value;
                v[4] = null; v[5] = first?.ProductCode; v[6] = first?.CourseName; v[7] = null; v[8] = r.OrderedAt.UtcTicks;
            }, ct);
    }

    /// <summary>Abandoned checkouts (Shopify), keyed by their token; a completed one keeps its completion time.</summary>
    public static async Task WriteCheckoutsAsync(DbConnection db, DbTransaction tx, int connectionId, int botId,
        IReadOnlyList<CartCheckoutRecord> rows, string? cursor, CancellationToken ct)
    {
        await SqlBatch.InsertAsync(db, tx,
            "INSERT INTO CartCheckouts (ConnectionId, BotId, Token, CustomerExternalId, EmailNormalized, PhoneNormalized, RecoveryUrl, Amount, ItemsJson, CreatedAt, UpdatedAt, CompletedAt)",
            12,
            """
            ON CONFLICT(ConnectionId, Token) DO UPDATE SET
              CustomerExternalId = excluded.CustomerExternalId, EmailNormalized = excluded.EmailNormalized,
              PhoneNormalized = excluded.PhoneNormalized, RecoveryUrl = excluded.RecoveryUrl, Amount = excluded.Amount,
              ItemsJson = excluded.ItemsJson, UpdatedAt = excluded.UpdatedAt, CompletedAt = coalesce(excluded.CompletedAt, CartCheckouts.CompletedAt)
            WHERE excluded.UpdatedAt >= CartCheckouts.UpdatedAt
            """,
            rows, (r, v) =>
            {
                v[0] = connectionId; v[1] = botId; v[2] = r.Token; v[3] = r.CustomerExternalId; v[4] = EmailNormalizer.Normalize(r.Email);
                v[5] = PhoneNormalizer.Normalize(r.PhoneRaw); v[6] = r.RecoveryUrl; v[7] = r.Amount;
                v[8] = JsonSerializer.Serialize(r.Items, ReadableJson); v[9] = r.CreatedAt.UtcTicks; v[10] = r.UpdatedAt.UtcTicks; v[11] = r.CompletedAt?.UtcTicks;
            }, ct);
        await SaveCursorAsync(db, tx, connectionId, "CheckoutCursor", cursor, ct);
    }

    private static Task UpsertProductsAsync(DbConnection db, DbTransaction tx, int connectionId,
        IReadOnlyList<(string Code, string Name, string? Course)> products, CancellationToken ct) =>
        SqlBatch.InsertAsync(db, tx, "INSERT INTO CartProducts (ConnectionId, Code, Name, CourseName)", 4,
            "ON CONFLICT(ConnectionId, Code) DO UPDATE SET Name = excluded.Name, CourseName = coalesce(excluded.CourseName, CartProducts.CourseName)",
            products, (p, v) => { v[0] = connectionId; v[1] = p.Code; v[2] = p.Name; v[3] = p.Course; }, ct);

    private static Task SaveCursorAsync(DbConnection db, DbTransaction tx, int connectionId, string column, string? cursor, CancellationToken ct) =>
        cursor is null ? Task.CompletedTask
            : SqlBatch.ExecuteAsync(db, tx, $"UPDATE CartConnections SET {column} = @cursor WHERE Id = @id", ct, ("@cursor", cursor), ("@id", connectionId));
}
