using Ecai.Domain.Data.Postgres;
using Ecai.Domain.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ecai.Domain.Data;

/// <summary>
/// Makes contexts of the configured provider's type (<see cref="SqliteEcaiDb"/> or <see cref="PostgresEcaiDb"/>, each
/// with its own migrations); everything else sees <see cref="EcaiDb"/>.
/// </summary>
public sealed class EcaiDbFactory : IDbContextFactory<EcaiDb>
{
    private readonly Func<EcaiDb> _create;

    public EcaiDbFactory(DatabaseSettings settings, ILoggerFactory? logging = null, params IInterceptor[] interceptors)
    {
        _create = settings.Provider switch
        {
            DatabaseProvider.Sqlite => Make<SqliteEcaiDb>(SqliteEcaiDb.Configure, o => new SqliteEcaiDb(o), settings.ConnectionString, logging, interceptors),
            DatabaseProvider.Postgres => Make<PostgresEcaiDb>(PostgresEcaiDb.Configure, o => new PostgresEcaiDb(o), settings.ConnectionString, logging, interceptors),
            _ => throw new ArgumentOutOfRangeException(nameof(settings)),
        };
    }

    public EcaiDb CreateDbContext() => _create();

    private static Func<EcaiDb> Make<T>(Action<DbContextOptionsBuilder<T>, string> configure, Func<DbContextOptions<T>, T> create,
        string connectionString, ILoggerFactory? logging, IInterceptor[] interceptors) where T : EcaiDb
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder, connectionString);
        if (logging is not null) builder.UseLoggerFactory(logging);
        if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
        var options = builder.Options;
        return () => create(options);
    }
}
