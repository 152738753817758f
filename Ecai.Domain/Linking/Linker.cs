using System.Data.Common;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Linking;

/// <summary>
/// Links members to cart customers by exact match of a normalised key, set-wise in SQL:
/// phone for the phone carts (only customers with at least one order, seed rule), e-mail for
/// Shopify (orders not needed), and the LINE user id for ecforce connections with LINE-ID linking.
/// Links whose key no longer matches are removed in the same transaction.
/// </summary>
public sealed class Linker(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    private const string PhoneCarts = "1, 3, 4, 5, 6"; // ecforce, Rakuten, 楽楽リピート, リピスト, サブスクストア
    private const string HasOrder =
        "EXISTS (SELECT 1 FROM CartOrders o WHERE o.ConnectionId = c.ConnectionId AND o.CustomerExternalId = c.ExternalId)";

    /// <summary>Links every member of the bot (or just <paramref name="memberId"/>); returns the number of new links.</summary>
    public async Task<int> LinkBotAsync(int botId, CancellationToken ct, long? memberId = null)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        await using var tx = await db.BeginTransactionAsync(ct);
        var added = await LinkAsync(db, tx, botId, memberId, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The same, inside the caller's transaction (e.g. with the change of a member's phone).</summary>
    internal async Task<int> LinkAsync(DbConnection db, DbTransaction tx, int botId, long? memberId, CancellationToken ct)
    {
        (string, object?)[] args = [("@bot", botId), ("@member", memberId), ("@now", clock.GetUtcNow().UtcTicks)];
        // One member or all: spelled out in the SQL, because "(@member IS NULL OR m.Id = @member)" makes SQLite
        // scan every cart customer of the bot even for one member (≈1 s at 1,000,000 customers instead of ≈2 ms).
        string OneMember(string column) => memberId is null ? "TRUE" : $"{column} = @member";

        // 1. Drop links whose key no longer matches (a phone or e-mail changed, LINE-ID linking switched off).
        await SqlBatch.ExecuteAsync(db, tx, $"""
            DELETE FROM CartLinks
            WHERE BotId = @bot AND {OneMember("MemberId")} AND NOT EXISTS (
              SELECT 1 FROM Members m
              JOIN CartCustomers c ON c.Id = CartLinks.CartCustomerId
              JOIN CartConnections k ON k.Id = c.ConnectionId
              WHERE m.Id = CartLinks.MemberId AND CASE CartLinks.Key
                WHEN {(int)LinkKey.Phone} THEN m.PhoneNormalized = c.PhoneNormalized
                WHEN {(int)LinkKey.Email} THEN m.EmailNormalized = c.EmailNormalized
                WHEN {(int)LinkKey.LineUserId} THEN k.LineIdLinking AND m.LineUserId = c.LineUserId
                ELSE FALSE END)
            """, ct, args);

        // 2. New links, one statement per key, and 3. a CartLinked event for each (for tag rules and step triggers), in the
        //    same transaction (docs/architecture.md, "Concurrency-correct writes").
        var inserts = new[]
        {
            $"""
            INSERT INTO CartLinks (BotId, MemberId, CartCustomerId, ConnectionId, CustomerExternalId, Key, LinkedAt)
            SELECT c.BotId, m.Id, c.Id, c.ConnectionId, c.ExternalId, {(int)LinkKey.Phone}, @now
            FROM CartCustomers c
            JOIN CartConnections k ON k.Id = c.ConnectionId AND k.Kind IN ({PhoneCarts})
            JOIN Members m ON m.BotId = c.BotId AND m.PhoneNormalized = c.PhoneNormalized
            WHERE c.BotId = @bot AND c.PhoneNormalized IS NOT NULL AND {OneMember("m.Id")} AND {HasOrder}
            ON CONFLICT DO NOTHING
            """,
            $"""
            INSERT INTO CartLinks (BotId, MemberId, CartCustomerId, ConnectionId, CustomerExternalId, Key, LinkedAt)
            SELECT c.BotId, m.Id, c.Id, c.ConnectionId, c.ExternalId, {(int)LinkKey.Email}, @now
            FROM CartCustomers c
            JOIN CartConnections k ON k.Id = c.ConnectionId AND k.Kind = {(int)CartKind.Shopify}
            JOIN Members m ON m.BotId = c.BotId AND m.EmailNormalized = c.EmailNormalized
            WHERE c.BotId = @bot AND c.EmailNormalized IS NOT NULL AND {OneMember("m.Id")}
            ON CONFLICT DO NOTHING
            """,
            $"""
            INSERT INTO CartLinks (BotId, MemberId, CartCustomerId, ConnectionId, CustomerExternalId, Key, LinkedAt)
            SELECT c.BotId, m.Id, c.Id, c.ConnectionId, c.ExternalId, {(int)LinkKey.LineUserId}, @now
            FROM CartCustomers c
            JOIN CartConnections k ON k.Id = c.ConnectionId AND k.Kind = {(int)CartKind.Ecforce} AND k.LineIdLinking
            JOIN Members m ON m.BotId = c.BotId AND m.LineUserId = c.LineUserId
            WHERE c.BotId = @bot AND c.LineUserId IS NOT NULL AND {OneMember("m.Id")} AND {HasOrder}
            ON CONFLICT DO NOTHING
            """,
        };
        var events = $"""
            INSERT INTO MemberEvents (BotId, MemberId, Kind, ConnectionId, CartCustomerId, OccurredAt)
            SELECT BotId, MemberId, {(int)MemberEventKind.CartLinked}, ConnectionId, CartCustomerId, LinkedAt
            """;
        await SqlBatch.LockMemberEventsAsync(db, tx, "@bot", ct, args);
        var added = 0;
        if (SqlDialect.Of(db).Provider == DatabaseProvider.Postgres)
        {
            // Each statement's own new rows feed its events: concurrent linkers never see each other's ids.
            foreach (var insert in inserts)
                added += await SqlBatch.ExecuteAsync(db, tx,
                    $"WITH added AS ({insert} RETURNING BotId, MemberId, ConnectionId, CartCustomerId, LinkedAt, Id) {events} FROM added ORDER BY Id",
                    ct, args);
        }
        else
        {
            // SQLite has no INSERT in a WITH. Its writers are serialised and this transaction holds the write lock since
            // step 1, so the links above the highest id read now are this run's.
            var before = await SqlBatch.ScalarAsync(db, tx, "SELECT coalesce(max(Id), 0) FROM CartLinks", ct);
            foreach (var insert in inserts) added += await SqlBatch.ExecuteAsync(db, tx, insert, ct, args);
            if (added > 0)
                await SqlBatch.ExecuteAsync(db, tx, $"{events} FROM CartLinks WHERE Id > @before AND BotId = @bot ORDER BY Id", ct,
                    [.. args, ("@before", before)]);
        }

        // 4. Birthday sync: a member without a birthday takes the first-linked customer's, where the
        //    connection enables it (never Shopify or Rakuten, which do not carry one).
        await SqlBatch.ExecuteAsync(db, tx, $"""
            UPDATE Members SET Version = Version + 1, Birthday = (
              SELECT c.Birthday FROM CartLinks l
              JOIN CartCustomers c ON c.Id = l.CartCustomerId
              JOIN CartConnections k ON k.Id = l.ConnectionId
              WHERE l.MemberId = Members.Id AND k.BirthdaySync AND k.Kind NOT IN ({(int)CartKind.Shopify}, {(int)CartKind.RakutenRms})
              ORDER BY l.LinkedAt, l.Id LIMIT 1)
            WHERE BotId = @bot AND Birthday IS NULL AND {OneMember("Id")}
              AND EXISTS (SELECT 1 FROM CartLinks l WHERE l.MemberId = Members.Id)
            """, ct, args);
        return added;
    }
}
