using Ecai.Domain;
using Ecai.Integrations;
using Ecai.Web;
using Ecai.Web.Bench;
using Ecai.Web.Jobs;

if (args is ["bench", ..]) return await BenchCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddEcaiDomain(sp => WebSetup.DatabaseSettingsOf(sp.GetRequiredService<IConfiguration>()))
    .AddEcaiIntegrations()
    .AddEcaiWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareAsync();
app.UseEcaiPipeline();
app.UseEcaiJobs();
app.Run();
return 0;

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;
