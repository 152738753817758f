using System.Text;
using Microsoft.Data.Sqlite;

namespace Ecai.Domain.Data;

/// <summary>
/// Writes many rows with one multi-row statement per chunk: <c>{head} VALUES (…),(…) {tail}</c>.
/// Used on the hot paths (imports) where EF change tracking would be the bottleneck.
/// </summary>
internal static class SqlBatch
{
    private const int MaxParameters = 30_000;

    public static async Task<int> InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string head, int columns, string tail,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken ct)
    {
        var affected = 0;
        var perChunk = Math.Max(1, MaxParameters / columns);
        var values = new object?[columns];
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var count = Math.Min(perChunk, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head).Append(" VALUES ");
            for (var r = 0; r < count; r++)
            {
                fill(rows[start + r], values);
                sql.Append(r == 0 ? "(" : ",(");
                for (var c = 0; c < columns; c++)
                {
                    var name = $"$p{r * columns + c}";
                    sql.Append(c == 0 ? name : "," + name);
                    command.Parameters.AddWithValue(name, values[c] ?? DBNull.Value);
                }
                sql.Append(')');
            }
            command.CommandText = sql.Append(' ').Append(tail).ToString();
            affected += await command.ExecuteNonQueryAsync(ct);
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
}
