using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Ecai.Web.Bench;

/// <summary>
/// The benchmark's ceiling: the rows a pull wrote (customers, subscriptions, orders, items), read
/// back into memory and inserted into an empty copy of their tables and indexes with one prepared statement per
/// table in one transaction. Only the insert is timed.
/// </summary>
internal static class RawInsert
{
    private static readonly string[] Tables = ["CartCustomers", "CartSubscriptions", "CartOrders", "CartOrderItems"];

    public static async Task<double> RunAsync(string sourceFile, string targetFile)
    {
        var rows = new Dictionary<string, (string[] Columns, List<object?[]> Rows)>();
        await using (var source = new SqliteConnection($"Data Source={sourceFile}"))
        {
            await source.OpenAsync();
            foreach (var table in Tables) rows[table] = await ReadAsync(source, table);
            // No parent tables in the copy: foreign keys off, so the DDL can be reused as it is.
            await using var target = new SqliteConnection($"Data Source={targetFile};Foreign Keys=False");
            await target.OpenAsync();
            await using var schema = source.CreateCommand();
            schema.CommandText = $"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ({string.Join(",", Tables.Select(t => $"'{t}'"))}) ORDER BY type DESC";
            var ddl = new List<string>();
            await using (var reader = await schema.ExecuteReaderAsync())
                while (await reader.ReadAsync()) ddl.Add(reader.GetString(0));
            foreach (var sql in ddl)
            {
                await using var create = target.CreateCommand();
                create.CommandText = sql;
                await create.ExecuteNonQueryAsync();
            }
            await using var pragma = target.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync();

            var clock = Stopwatch.StartNew();
            await using var tx = (SqliteTransaction)await target.BeginTransactionAsync();
            foreach (var table in Tables)
            {
                var (columns, data) = rows[table];
                await using var insert = target.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = $"INSERT INTO {table} ({string.Join(",", columns)}) VALUES ({string.Join(",", columns.Select((_, i) => "@p" + i))})";
                var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("@p" + i, null))).ToArray();
                insert.Prepare();
                foreach (var row in data)
                {
                    for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
            return clock.Elapsed.TotalSeconds;
        }
    }

    private static async Task<(string[] Columns, List<object?[]> Rows)> ReadAsync(DbConnection db, string table)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(c => c != "Id").ToArray();
        var ordinals = columns.Select(reader.GetOrdinal).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
            rows.Add(ordinals.Select(o => reader.IsDBNull(o) ? null : reader.GetValue(o)).ToArray());
        return (columns, rows);
    }
}
