using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Data;

public static class Database
{
    /// <summary>
    /// Applies the provider's migrations (PostgreSQL: creating the database first when it does not exist; SQLite:
    /// creating the file's folder, then WAL mode). A database made before the migrations were squashed into one
    /// initial migration per provider is refused with what to do, rather than half-migrated.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<EcaiDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sqlite = db.Database.GetDbConnection() as SqliteConnection;
        if (sqlite is { DataSource: { Length: > 0 } file } && file != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (await db.Database.CanConnectAsync(ct))
        {
            var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database was made by an earlier ECAI (migration {unknown[0]} is no longer known). " +
                    "Delete it and start again: demo data is seeded anew (README, \"Database\").");
        }
        await db.Database.MigrateAsync(ct);
        if (sqlite is not null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
