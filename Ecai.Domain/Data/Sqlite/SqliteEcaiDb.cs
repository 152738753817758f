using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecai.Domain.Data.Sqlite;

/// <summary>ECAI's model on SQLite; its migrations are in <c>Data/Sqlite/Migrations</c>.</summary>
public sealed class SqliteEcaiDb(DbContextOptions<SqliteEcaiDb> options) : EcaiDb(options)
{
    private static readonly SqliteTuning Tuning = new();

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public static void Configure(DbContextOptionsBuilder<SqliteEcaiDb> builder, string connectionString) =>
        builder.UseSqlite(connectionString, s => s.CommandTimeout(120)).AddInterceptors(Tuning);
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteEcaiDb</c> only.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEcaiDb>
{
    public SqliteEcaiDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteEcaiDb>();
        SqliteEcaiDb.Configure(builder, "Data Source=design.db");
        return new SqliteEcaiDb(builder.Options);
    }
}
