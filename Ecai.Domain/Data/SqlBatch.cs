using Microsoft.Data.Sqlite;

namespace Ecai.Domain.Data;

/// <summary>
/// Writes many rows inside the caller's transaction with one prepared statement,
/// <c>{head} VALUES ($p0, …) {tail}</c>, re-bound and stepped for each row. In-process SQLite has
/// no round trips, so this is its bulk-load path (what a COPY is elsewhere): no parsing per row,
/// no change tracking, no reads. Used on the hot paths (imports).
/// </summary>
internal static class SqlBatch
{
    public static async Task<int> InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string head, int columns, string tail,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{head} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(c => "$p" + c))}) {tail}";
        var parameters = Enumerable.Range(0, columns).Select(c => command.Parameters.Add(new SqliteParameter("$p" + c, null))).ToArray();
        command.Prepare();
        var values = new object?[columns];
        var affected = 0;
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            Array.Clear(values);
            fill(row, values);
            for (var c = 0; c < columns; c++) parameters[c].Value = values[c] ?? DBNull.Value;
            affected += command.ExecuteNonQuery();
        }
        return affected;
    }

    public static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ScalarAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
