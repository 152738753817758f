using Ecai.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecai.Tests.Support;

/// <summary>
/// A migrated database for one test. On SQLite (the default) an in-memory database kept alive by an open connection,
/// or a temp file (<see cref="CreateFileAsync"/>) for tests that need several connections. With
/// <c>ECAI_TEST_PROVIDER=Postgres</c> (test.sh's second pass) a fresh database on the throwaway server, copied from a
/// template migrated once per test run.
/// </summary>
public sealed class TestDb : IDbContextFactory<EcaiDb>, IAsyncDisposable
{
    private readonly SqliteConnection? _keepAlive;
    private readonly string? _file;
    private readonly string? _postgresDatabase;
    private readonly EcaiDbFactory _factory;

    private TestDb(DatabaseSettings settings, string? file = null, string? postgresDatabase = null)
    {
        Settings = settings;
        _file = file;
        _postgresDatabase = postgresDatabase;
        _factory = new EcaiDbFactory(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            _keepAlive = new SqliteConnection(settings.ConnectionString);
            _keepAlive.Open();
        }
    }

    public DatabaseSettings Settings { get; }
    public string ConnectionString => Settings.ConnectionString;
    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>Shared-cache in-memory SQLite (several connections see the same data), or a PostgreSQL database.</summary>
    public static async Task<TestDb> CreateAsync()
    {
        if (TestProvider.IsPostgres) return await CreatePostgresAsync();
        var db = new TestDb(DatabaseSettings.Sqlite($"Data Source=file:ecai-{Guid.NewGuid():N}?mode=memory&cache=shared"));
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    /// <summary>A SQLite file (WAL, as the app runs it), or a PostgreSQL database.</summary>
    public static async Task<TestDb> CreateFileAsync()
    {
        if (TestProvider.IsPostgres) return await CreatePostgresAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ecai-test-{Guid.NewGuid():N}.db");
        var db = new TestDb(DatabaseSettings.Sqlite($"Data Source={file}"), file: file);
        await Database.MigrateAsync(db, CancellationToken.None);
        return db;
    }

    private static async Task<TestDb> CreatePostgresAsync()
    {
        var (settings, name) = await TestProvider.NewPostgresDatabaseAsync();
        return new TestDb(settings, postgresDatabase: name);
    }

    public EcaiDb CreateDbContext() => _factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await TestProvider.DropPostgresDatabaseAsync(_postgresDatabase);
            return;
        }
        await _keepAlive!.DisposeAsync();
        if (_file is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}

/// <summary>
/// The provider this test run uses. test.sh runs the suite twice: once on SQLite, once with
/// <c>ECAI_TEST_PROVIDER=Postgres</c> and <c>ECAI_TEST_POSTGRES</c> naming the throwaway server it started.
/// </summary>
public static class TestProvider
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("ECAI_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static string Server => Environment.GetEnvironmentVariable("ECAI_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ECAI_TEST_PROVIDER=Postgres needs ECAI_TEST_POSTGRES (test.sh sets both).");

    private static string On(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A new, migrated database: a copy of this run's template (migrated on first use).</summary>
    public static async Task<(DatabaseSettings Settings, string Name)> NewPostgresDatabaseAsync()
    {
        var template = await TemplateAsync();
        var name = $"ecai_t_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return (new DatabaseSettings(DatabaseProvider.Postgres, On(name)), name);
    }

    public static (DatabaseSettings Settings, string Name) ExistingPostgresDatabase(string name) =>
        (new DatabaseSettings(DatabaseProvider.Postgres, On(name)), name);

    public static async Task DropPostgresDatabaseAsync(string name)
    {
        using (var pooled = new NpgsqlConnection(On(name))) NpgsqlConnection.ClearPool(pooled);
        await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = $"ecai_template_{Environment.ProcessId}";
            await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            var factory = new EcaiDbFactory(new DatabaseSettings(DatabaseProvider.Postgres, On(name)));
            await Database.MigrateAsync(factory, CancellationToken.None);
            NpgsqlConnection.ClearAllPools(); // a template must have no open connections
            return _template = name;
        }
        finally { TemplateGate.Release(); }
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(On("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
