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

    /// <summary>A unique, foreign-key or check constraint refused the write (SQLite's SQLITE_CONSTRAINT, PostgreSQL's class 23).</summary>
    public static bool IsConstraint(Exception e) => (e as Microsoft.EntityFrameworkCore.DbUpdateException)?.InnerException is { } inner
        ? IsConstraint(inner)
        : e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } || e is PostgresException { SqlState: [ '2', '3', .. ] };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The JST month (yyyyMM, an integer) of a column of UTC ticks.</summary>
    public abstract string JstMonth(string ticks);

    /// <summary>A new random UUID per row, as EF stores a <see cref="Guid"/> (SQLite: upper-case text; PostgreSQL: uuid).</summary>
    public abstract string NewUuid { get; }

    /// <summary>The key column of a temp table of ids: SQLite's rowid alias, PostgreSQL's bigint key.</summary>
    public abstract string IdKey { get; }

    /// <summary>
    /// The values of a list passed as one parameter, as a subquery for <c>IN</c>: SQLite reads a JSON array with
    /// <c>json_each</c>, PostgreSQL an array with <c>unnest</c>. Pass <see cref="List{T}"/>'s result as the parameter's value.
    /// </summary>
    public abstract string ValuesOf(string parameter);

    /// <summary>The parameter value <see cref="ValuesOf"/> reads.</summary>
    public abstract object List<T>(IEnumerable<T> values);

    /// <summary>
    /// An import connection's setting for the pull, and the statement that puts it back before the connection returns to
    /// the pool: commits without waiting for the disk (a crash loses at most the last batches, which the cursor, saved in
    /// the same transactions, pulls again). SQLite also checkpoints its WAL every ~40 MB instead of 4 MB.
    /// </summary>
    public abstract (string Begin, string End) ImportSession { get; }

    /// <summary>
    /// Locks one row of <paramref name="table"/> (by <c>Id</c>) for the rest of the transaction, before a read that decides a
    /// write: PostgreSQL takes the row lock, SQLite (one writer at a time) takes the database's write lock at once instead
    /// of at the first write, so two such transactions run one after the other instead of both reading first.
    /// </summary>
    public abstract string LockRow(string table, string idParameter);

    /// <summary>
    /// Serialises the writers of one bot's member events with its readers, for the rest of the transaction: a reader that
    /// takes it sees no event id that a transaction still running could commit below it, so a cursor that moves to the
    /// highest id read never skips an event (docs/architecture.md, "Concurrency-correct writes"). PostgreSQL: a
    /// transaction-scoped advisory lock per bot; SQLite: nothing (its one writer commits its ids above every id a reader
    /// has seen). <paramref name="bot"/> is an SQL expression for the bot's id.
    /// </summary>
    public abstract string? LockMemberEvents(string bot);

    /// <summary>The one of two statement texts that is this provider's (for statements shaped for one planner).</summary>
    public string Pick(string sqlite, string postgres) => Provider == DatabaseProvider.Sqlite ? sqlite : postgres;

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string JstMonth(string ticks) =>
            $"CAST(strftime('%Y%m', ({ticks} - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER)";

        public override string NewUuid => """
            (hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
             || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
            """;

        public override string IdKey => "INTEGER PRIMARY KEY";

        public override string ValuesOf(string parameter) => $"(SELECT value FROM json_each({parameter}))";

        public override string LockRow(string table, string idParameter) => $"UPDATE {table} SET Id = Id WHERE Id = {idParameter}";

        public override string? LockMemberEvents(string bot) => null;

        public override (string Begin, string End) ImportSession =>
            ("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;", "PRAGMA wal_autocheckpoint=1000;");

        public override object List<T>(IEnumerable<T> values) => System.Text.Json.JsonSerializer.Serialize(values);
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        /// <summary>ecai_jst_month is created by the initial migration (the counters' triggers use it too).</summary>
        public override string JstMonth(string ticks) => $"ecai_jst_month({ticks})";

        public override string NewUuid => "gen_random_uuid()";

        public override string IdKey => "BIGINT PRIMARY KEY";

        public override string ValuesOf(string parameter) => $"(SELECT unnest({parameter}))";

        public override string LockRow(string table, string idParameter) => $"SELECT 1 FROM {table} WHERE Id = {idParameter} FOR UPDATE";

        /// <summary>Key space 1 of the two-integer advisory locks: member events, by bot id.</summary>
        public override string? LockMemberEvents(string bot) => $"SELECT pg_advisory_xact_lock(1, ({bot})::integer)";

        public override (string Begin, string End) ImportSession => ("SET synchronous_commit = off", "RESET synchronous_commit");

        public override object List<T>(IEnumerable<T> values) => values.ToArray();
    }
}
