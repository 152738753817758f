using System.Data.Common;
using System.Diagnostics;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>
/// The benchmark's ceiling: the rows a pull wrote (customers, subscriptions, orders, items), read back into memory and
/// copied into the same tables and indexes of a fresh database of the same provider, in one transaction, with the
/// import's session settings and no foreign-key checks (<see cref="RawCopy"/>: prepared statements on SQLite, binary COPY
/// on PostgreSQL). Only the copy is timed.
/// </summary>
internal static class RawInsert
{
    private static readonly string[] Tables = ["CartCustomers", "CartSubscriptions", "CartOrders", "CartOrderItems"];

    public static async Task<double> RunAsync(IDbContextFactory<EcaiDb> source, DatabaseSettings target)
    {
        var rows = new Dictionary<string, (string[] Columns, List<object?[]> Rows)>();
        await using (var context = await source.CreateDbContextAsync())
        {
            await context.Database.OpenConnectionAsync();
            foreach (var table in Tables) rows[table] = await ReadAsync(context.Database.GetDbConnection(), table);
        }

        var targets = new EcaiDbFactory(target);
        await Database.MigrateAsync(targets, CancellationToken.None);
        await using var copy = targets.CreateDbContext();
        await copy.Database.OpenConnectionAsync();
        var db = copy.Database.GetDbConnection();
        await RawCopy.WithoutChecksAsync(db, CancellationToken.None);
        await ExecAsync(db, copy.Dialect.ImportSession.Begin);

        var clock = Stopwatch.StartNew();
        await using var tx = await db.BeginTransactionAsync();
        foreach (var table in Tables)
            await RawCopy.IntoAsync(db, tx, table, rows[table].Columns, rows[table].Rows, CancellationToken.None);
        await tx.CommitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task ExecAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string[] Columns, List<object?[]> Rows)> ReadAsync(DbConnection db, string table)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)
            .Where(c => !string.Equals(c, "Id", StringComparison.OrdinalIgnoreCase)).ToArray();
        var ordinals = columns.Select(reader.GetOrdinal).ToArray();
        var dates = ordinals.Select(o => reader.GetDataTypeName(o) == "date").ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
            rows.Add(ordinals.Select((o, i) => reader.IsDBNull(o) ? null
                : dates[i] ? DateOnly.FromDateTime(reader.GetDateTime(o)) : reader.GetValue(o)).ToArray());
        return (columns, rows);
    }
}
