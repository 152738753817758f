using Ecai.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Support;

/// <summary>
/// A migrated SQLite database for one test, kept alive by an open connection. In-memory by default;
/// <see cref="CreateFileAsync"/> gives a temp file for tests that need several connections.
/// </summary>
public sealed class TestDb : IDbContextFactory<EcaiDb>, IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;
    private readonly string? _file;

    private TestDb(string connectionString, string? file)
    {
        ConnectionString = connectionString;
        _file = file;
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
    }

    public string ConnectionString { get; }

    /// <summary>Shared-cache in-memory database (several connections see the same data).</summary>
    public static async Task<TestDb> CreateAsync()
    {
        var db = new TestDb($"Data Source=file:ecai-{Guid.NewGuid():N}?mode=memory&cache=shared", null);
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public static async Task<TestDb> CreateFileAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ecai-test-{Guid.NewGuid():N}.db");
        var db = new TestDb($"Data Source={file}", file);
        await Database.MigrateAsync(db, CancellationToken.None);
        return db;
    }

    public EcaiDb CreateDbContext() => new(new DbContextOptionsBuilder<EcaiDb>().UseSqlite(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        await _keepAlive.DisposeAsync();
        if (_file is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}
