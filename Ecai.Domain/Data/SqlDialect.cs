using System.Data.Common;
using Npgsql;

namespace Ecai.Domain.Data;

/// <summary>
/// The statements and expressions that must differ between SQLite and PostgreSQL, both versions side by side
/// (docs/architecture.md, "Database providers"). Everything else the domain writes is SQL both accept: unquoted names
/// (lower case on PostgreSQL), <c>@name</c> parameters, <c>ON CONFLICT … DO NOTHING</c>, <c>TRUE</c>/<c>FALSE</c>.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The JST month (yyyyMM, an integer) of a column of UTC ticks.</summary>
    public abstract string JstMonth(string ticks);

    /// <summary>The one of two statement texts that is this provider's (for statements shaped for one planner).</summary>
    public string Pick(string sqlite, string postgres) => Provider == DatabaseProvider.Sqlite ? sqlite : postgres;

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string JstMonth(string ticks) =>
            $"CAST(strftime('%Y%m', ({ticks} - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER)";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        /// <summary>ecai_jst_month is created by the initial migration (the counters' triggers use it too).</summary>
        public override string JstMonth(string ticks) => $"ecai_jst_month({ticks})";
    }
}
