using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Data;

public static class Database
{
    /// <summary>Creates the SQLite file if needed, applies migrations and sets WAL mode.</summary>
    public static async Task MigrateAsync(IDbContextFactory<EcaiDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
