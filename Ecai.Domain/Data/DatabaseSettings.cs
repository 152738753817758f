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
