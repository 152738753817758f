using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ecai.Domain.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings for reading a million members fast: the file is memory-mapped (reads come straight
/// from the OS page cache, no copy per page), a larger page cache, and temporary b-trees (IN lists, sorts, the sweep's
/// temp tables) in memory. Applied every time EF opens a connection; pooled connections keep them.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 2147483648; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
