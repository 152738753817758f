namespace Ecai.Domain.Data;

/// <summary>Which engine holds ECAI's data. SQLite is the embedded default (demo, one shop, tests); PostgreSQL is for a shop base.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The database ECAI runs on: <c>Ecai:Database:Provider</c> and <c>ConnectionStrings:Ecai</c>, read once by the host
/// (see docs/architecture.md, "Database providers").
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=App_Data/ecai.db";

    public static DatabaseSettings Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    /// <summary>The file of a SQLite database; null for an in-memory one or another provider.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite) return null;
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source.Contains(":memory:", StringComparison.Ordinal)
                || ConnectionString.Contains("mode=memory", StringComparison.OrdinalIgnoreCase) ? null : source;
        }
    }

    /// <summary>
    /// Another database beside this one: on PostgreSQL the same server with database <paramref name="name"/>; on SQLite the
    /// file <paramref name="name"/>.db in <paramref name="folder"/>. For the benchmark and the tests' throwaway databases.
    /// </summary>
    public DatabaseSettings Beside(string name, string folder) => Provider == DatabaseProvider.Postgres
        ? this with { ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString }
        : Sqlite($"Data Source={Path.Combine(folder, name + ".db")}");

    /// <summary>Closes the provider's pooled connections (before a database file or database is deleted).</summary>
    public static void ClearPools()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Reads the two settings; a missing provider is SQLite, a missing connection string SQLite's App_Data file.</summary>
    public static DatabaseSettings From(string? provider, string? connectionString)
    {
        var kind = string.IsNullOrWhiteSpace(provider) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(provider.Trim(), ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Ecai:Database:Provider must be Sqlite or Postgres, not '{provider}'.");
        if (string.IsNullOrWhiteSpace(connectionString))
            return kind == DatabaseProvider.Sqlite ? Sqlite(DefaultSqlite)
                : throw new InvalidOperationException("Ecai:Database:Provider is Postgres but ConnectionStrings:Ecai is not set.");
        return new DatabaseSettings(kind, connectionString);
    }
}
