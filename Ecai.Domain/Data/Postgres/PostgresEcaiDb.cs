using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecai.Domain.Data.Postgres;

/// <summary>
/// ECAI's model on PostgreSQL; its migrations are in <c>Data/Postgres/Migrations</c>. Names are lower case
/// (<c>Members.BotId</c> is <c>members.botid</c>), so the unquoted SQL the domain shares with SQLite reads the same
/// tables on both (docs/architecture.md, "Database providers").
/// </summary>
public sealed class PostgresEcaiDb(DbContextOptions<PostgresEcaiDb> options) : EcaiDb(options)
{
    public override SqlDialect Dialect => SqlDialect.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The naming convention leaves a table name given with ToTable as written ("FollowMessages", "ScenarioSteps"):
        // lower-case those too, so the domain's unquoted SQL finds them. Identity's AspNet* tables are EF's alone.
        foreach (var type in builder.Model.GetEntityTypes())
            if (type.GetTableName() is { } name && !name.StartsWith("AspNet", StringComparison.Ordinal) && name != name.ToLowerInvariant())
                type.SetTableName(name.ToLowerInvariant());
    }

    public static void Configure(DbContextOptionsBuilder<PostgresEcaiDb> builder, string connectionString) =>
        builder.UseNpgsql(connectionString, s => s.CommandTimeout(120)).UseLowerCaseNamingConvention();
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresEcaiDb</c> only (no server is reached).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEcaiDb>
{
    public PostgresEcaiDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresEcaiDb>();
        PostgresEcaiDb.Configure(builder, "Host=127.0.0.1;Database=ecai_design");
        return new PostgresEcaiDb(builder.Options);
    }
}
