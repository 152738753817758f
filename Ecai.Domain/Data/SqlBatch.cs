using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ecai.Domain.Data;

/// <summary>
/// Writes many rows with one statement: the rows travel as one JSON array parameter and SQLite
/// unpacks them with <c>json_each</c>, so a page of any size is <c>{head} SELECT … FROM json_each($rows) {tail}</c>.
/// Used on the hot paths (imports) where EF change tracking, or hundreds of named parameters, would be the bottleneck.
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
        var select = string.Join(", ", Enumerable.Range(0, columns).Select(c => $"json_extract(value, '$[{c}]')"));
        // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
        command.CommandText = $"{head} SELECT {select} FROM json_each($rows) WHERE true {tail}";
        command.Parameters.AddWithValue("$rows", ToJson(rows, columns, fill));
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static string ToJson<T>(IReadOnlyList<T> rows, int columns, Action<T, object?[]> fill)
    {
        var values = new object?[columns];
        var buffer = new ArrayBufferWriter<byte>(rows.Count * columns * 16);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                Array.Clear(values);
                fill(row, values);
                json.WriteStartArray();
                foreach (var value in values)
                {
                    switch (value)
                    {
                        case null: json.WriteNullValue(); break;
                        case string text: json.WriteStringValue(text); break;
                        case bool flag: json.WriteNumberValue(flag ? 1 : 0); break;
                        case int number: json.WriteNumberValue(number); break;
                        case long number: json.WriteNumberValue(number); break;
                        default: throw new ArgumentException($"Unsupported column value {value.GetType().Name}");
                    }
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
