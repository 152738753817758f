using Ecai.Domain.Data;
using Ecai.Domain.Data.Postgres;
using Ecai.Domain.Data.Sqlite;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Data;

public sealed class ProviderTests
{
    [Fact]
    public async Task Test_databases_are_on_the_provider_the_run_asks_for_and_fully_migrated()
    {
        await using var db = await TestDb.CreateAsync();
        await using var context = db.CreateDbContext();
        Assert.Equal(TestProvider.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db.Provider);
        Assert.IsType(TestProvider.IsPostgres ? typeof(PostgresEcaiDb) : typeof(SqliteEcaiDb), context);
        Assert.Equal(db.Provider, context.Dialect.Provider);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Single(context.Database.GetMigrations()); // one squashed initial migration per provider
    }

    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite, DatabaseSettings.DefaultSqlite)]
    [InlineData("postgres", "Host=db;Database=ecai", DatabaseProvider.Postgres, "Host=db;Database=ecai")]
    [InlineData(" Sqlite ", "Data Source=/data/ecai.db", DatabaseProvider.Sqlite, "Data Source=/data/ecai.db")]
    public void The_provider_and_connection_string_are_read_from_the_two_settings(string? provider, string? connection,
        DatabaseProvider expected, string expectedConnection)
    {
        var settings = DatabaseSettings.From(provider, connection);
        Assert.Equal(expected, settings.Provider);
        Assert.Equal(expectedConnection, settings.ConnectionString);
    }

    [Fact]
    public void An_unknown_provider_or_postgres_without_a_connection_string_is_refused_with_what_to_set()
    {
        Assert.Contains("Sqlite or Postgres", Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From("mysql", "x")).Message);
        Assert.Contains("ConnectionStrings:Ecai", Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From("Postgres", null)).Message);
    }

    [Fact]
    public async Task A_database_from_before_the_squashed_migrations_is_refused_with_what_to_do()
    {
        await using var db = await TestDb.CreateFileAsync();
        await using (var context = db.CreateDbContext())
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (MigrationId, ProductVersion) VALUES ('20261128103158_Initial', '10.0.0')");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.MigrateAsync(db, CancellationToken.None));
        Assert.Contains("20261128103158_Initial", refused.Message);
        Assert.Contains("Delete it", refused.Message);
    }
}
