using System.Diagnostics;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>
/// Where a bench run's databases live. SQLite (default): files in the run's temp folder. <c>--provider postgres</c>:
/// databases on the server named by <c>ConnectionStrings:Ecai</c> (environment <c>ConnectionStrings__Ecai</c>) when it is
/// set, otherwise on a throwaway server started exactly as test.sh starts one (scripts/throwaway-postgres.sh), stopped at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DatabaseSettings _server;
    private readonly string _folder;
    private readonly string? _throwaway;
    private readonly List<DatabaseSettings> _made = [];

    private BenchDatabase(DatabaseSettings server, string folder, string? throwaway) => (_server, _folder, _throwaway) = (server, folder, throwaway);

    public DatabaseProvider Provider => _server.Provider;

    public static async Task<BenchDatabase> StartAsync(string? provider, string folder)
    {
        if (!string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
            return new BenchDatabase(DatabaseSettings.Sqlite("Data Source=unused.db"), folder, null);
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Ecai") is { Length: > 0 } given)
            return new BenchDatabase(new DatabaseSettings(DatabaseProvider.Postgres, given), folder, null);
        var dir = Path.Combine("/tmp", $"ecai-bench-pg-{Environment.ProcessId}");
        var started = await ScriptAsync("start", dir);
        return new BenchDatabase(new DatabaseSettings(DatabaseProvider.Postgres, started), folder, dir);
    }

    /// <summary>A new, empty database (a file, or a database on the server) that the caller migrates.</summary>
    public DatabaseSettings New(string name)
    {
        var settings = _server.Beside($"ecai_bench_{name}_{Environment.ProcessId}", _folder);
        _made.Add(settings);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        DatabaseSettings.ClearPools();
        if (Provider == DatabaseProvider.Postgres && _throwaway is null)
            foreach (var made in _made)
            {
                await using var db = new EcaiDbFactory(made).CreateDbContext();
                await db.Database.EnsureDeletedAsync();
            }
        if (_throwaway is not null) await ScriptAsync("stop", _throwaway);
    }

    private static async Task<string> ScriptAsync(string command, string dir)
    {
        var script = FindScript() ?? throw new InvalidOperationException("scripts/throwaway-postgres.sh not found: run the bench from the repository.");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command, dir]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"throwaway-postgres.sh {command} failed ({process.ExitCode}).");
    }

    private static string? FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "throwaway-postgres.sh")))
                    return Path.Combine(dir.FullName, "scripts", "throwaway-postgres.sh");
        return null;
    }
}
