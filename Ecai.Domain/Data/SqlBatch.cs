using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ecai.Domain.Data;

/// <summary>
/// Raw SQL on the context's connection, inside the caller's transaction, for the hot paths (imports, sweeps, the send
/// ledger): no change tracking, no reads. Parameters are written <c>@name</c> in the SQL and passed as (name, value).
/// </summary>
internal static partial class SqlBatch
{
    /// <summary>
    /// Writes many rows: <c>{head} VALUES (…) {tail}</c> for each row, where head is <c>INSERT INTO Table (A, B, …)</c>
    /// and tail an optional <c>ON CONFLICT …</c>. SQLite (in-process, no round trips) re-binds and steps one prepared
    /// statement per row. PostgreSQL copies the rows in binary into a staging table and runs one set-wise
    /// <c>INSERT … SELECT … {tail}</c> (docs/architecture.md, "Bulk loads"); a key that comes twice in one call keeps its
    /// last row, as the row-by-row upsert would.
    /// </summary>
    public static Task<int> InsertAsync<T>(
        DbConnection connection, DbTransaction transaction, string head, int columns, string tail,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken ct) =>
        rows.Count == 0 ? Task.FromResult(0)
        : connection is NpgsqlConnection postgres ? CopyAsync(postgres, (NpgsqlTransaction)transaction, head, columns, tail, rows, fill, ct)
        : StepAsync(connection, transaction, head, columns, tail, rows, fill, ct);

    private static async Task<int> StepAsync<T>(DbConnection connection, DbTransaction transaction, string head, int columns, string tail,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{head} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(c => "@p" + c))}) {tail}";
        var parameters = Enumerable.Range(0, columns).Select(c => command.Add("@p" + c, null)).ToArray();
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

    private static long _stages;

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string head, int columns, string tail,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken ct)
    {
        var insert = InsertHead().Match(head);
        if (!insert.Success) throw new ArgumentException($"Not an INSERT INTO t (…) head: {head}", nameof(head));
        var (table, list) = (insert.Groups[1].Value, insert.Groups[2].Value);
        var stage = $"ecai_stage_{Interlocked.Increment(ref _stages)}";
        // The staging table takes the target's column types, so each value is written as exactly that type.
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {list}, 0::bigint AS ecai_row FROM {table} LIMIT 0", ct);
        var types = new string[columns];
        await using (var probe = new NpgsqlCommand($"SELECT * FROM {stage} LIMIT 0", connection, transaction))
        await using (var reader = await probe.ExecuteReaderAsync(ct))
            for (var c = 0; c < columns; c++) types[c] = reader.GetDataTypeName(c);

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {stage} FROM STDIN (FORMAT BINARY)", ct))
        {
            var values = new object?[columns];
            for (var r = 0; r < rows.Count; r++)
            {
                Array.Clear(values);
                fill(rows[r], values);
                await copy.StartRowAsync(ct);
                for (var c = 0; c < columns; c++)
                    if (values[c] is null or DBNull) await copy.WriteNullAsync(ct);
                    else await WriteAsync(copy, values[c]!, types[c], ct);
                await copy.WriteAsync((long)r, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var key = ConflictKey().Match(tail);
        var source = key.Success && tail.Contains("DO UPDATE", StringComparison.OrdinalIgnoreCase)
            ? $"SELECT DISTINCT ON ({key.Groups[1].Value}) {list} FROM {stage} ORDER BY {key.Groups[1].Value}, ecai_row DESC"
            : $"SELECT {list} FROM {stage}";
        var affected = await ExecuteAsync(connection, transaction, $"INSERT INTO {table} ({list}) {source} {tail}", ct);
        await ExecuteAsync(connection, transaction, $"DROP TABLE {stage}", ct);
        return affected;
    }

    /// <summary>A value as the column's type: the domain fills rows as SQLite takes them (0/1 for booleans, dates as text).</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter copy, object value, string type, CancellationToken ct) => type switch
    {
        "boolean" => copy.WriteAsync(value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlTypes.NpgsqlDbType.Boolean, ct),
        "smallint" => copy.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Smallint, ct),
        "integer" => copy.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Integer, ct),
        "bigint" => copy.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Bigint, ct),
        "date" => copy.WriteAsync(value is DateOnly d ? d : DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Date, ct),
        "text" or "character varying" => copy.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlTypes.NpgsqlDbType.Text, ct),
        _ => copy.WriteAsync(value, type, ct),
    };

    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+(\S+)\s*\(([^)]*)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InsertHead();

    [GeneratedRegex(@"ON\s+CONFLICT\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ConflictKey();

    /// <summary>Takes <see cref="SqlDialect.LockMemberEvents"/> for the bot in <paramref name="bot"/> (an SQL expression), where the provider needs it.</summary>
    public static async Task LockMemberEventsAsync(DbConnection connection, DbTransaction transaction, string bot, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        if (SqlDialect.Of(connection).LockMemberEvents(bot) is { } sql) await ExecuteAsync(connection, transaction, sql, ct, parameters);
    }

    public static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ScalarAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Add(name, value);
        return command;
    }
}

/// <summary>
/// The benchmark's ceiling for an import: rows copied straight into a table in the caller's transaction, without upserts,
/// cursors or foreign-key checks. SQLite: one prepared statement stepped per row; PostgreSQL: binary COPY.
/// </summary>
public static class RawCopy
{
    /// <summary>Switches foreign-key checks (and, on PostgreSQL, triggers) off for this connection's session.</summary>
    public static Task WithoutChecksAsync(DbConnection connection, CancellationToken ct) =>
        SqlBatch.ExecuteAsync(connection, null,
            connection is NpgsqlConnection ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF", ct);

    public static async Task IntoAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var value in row)
                    if (value is null or DBNull) await copy.WriteNullAsync(ct);
                    else await copy.WriteAsync(value, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await SqlBatch.InsertAsync(connection, transaction, $"INSERT INTO {table} ({string.Join(", ", columns)})", columns.Length, "", rows,
            (row, values) => row.CopyTo(values, 0), ct);
    }
}

public static class DbCommandExtensions
{
    /// <summary>Adds a parameter (<c>@name</c>); null is SQL NULL.</summary>
    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
