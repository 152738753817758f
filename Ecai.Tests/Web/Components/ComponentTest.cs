using System.Security.Claims;
using Bunit;
using Coravel;
using Ecai.Domain;
using Ecai.Domain.Realtime;
using Ecai.Tests.Support;
using Ecai.Web.Components;
using Ecai.Web.Demo;
using Ecai.Web.Jobs;
using Ecai.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Ecai.Tests.Web.Components;

/// <summary>
/// bUnit context for the ECAI screens: MudBlazor, loose JS interop, an interactive Server renderer,
/// a signed-in operator, and the real domain services over a migrated SQLite database per test.
/// Live events go through the real <see cref="LiveBroadcaster"/>; time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    /// <summary>Thursday 2026/11/26 18:00 JST.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    protected TestDb Db { get; private set; } = default!;
    protected Seeder Seed { get; private set; } = default!;
    protected FakeTimeProvider Clock { get; } = new(Now);
    protected LiveBroadcaster Live => Services.GetRequiredService<LiveBroadcaster>();
    protected DemoOptions Demo { get; } = new() { Enabled = false };
    protected Bunit.TestDoubles.BunitAuthorizationContext Auth { get; private set; } = default!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDb.CreateAsync();
        Seed = new Seeder(Db, Clock);
        DefaultWaitTimeout = TimeSpan.FromSeconds(5);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddLocalization();
        Services.AddSignalR();
        Services.AddQueue();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<LiveBroadcaster>();
        Services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveBroadcaster>());
        Services.AddEcaiDomain(_ => Db.Settings);
        // Pages that show the send ledger's state resolve the dispatcher; nothing here reaches LINE.
        Services.AddSingleton<Ecai.Domain.Line.ILineMessenger>(new Ecai.Tests.Domain.Messaging.FakeLine());
        Services.AddSingleton<PullTrigger>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Demo));
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        Services.AddEcaiUi();
        AddServices(Services);
        Auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Extra services a test class needs (added before anything is resolved).</summary>
    /// <summary>
    /// Moves the fake clock past pages' reload throttle window (500 ms) until <paramref name="done"/>: a reload still
    /// reading (PostgreSQL answers asynchronously) opens its window only when it is done, so one step may come too early.
    /// </summary>
    protected async Task AdvancePastReloadsUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(50);
        }
    }

    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>Signs <paramref name="operatorId"/> in for the components under test.</summary>
    protected void SignIn(string operatorId, string displayName = "運用 太郎")
    {
        Auth.SetAuthorized("operator@example.jp");
        Auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, operatorId),
            new Claim(OperatorClaimsFactory.DisplayNameClaim, displayName));
    }

    /// <summary>A bot with a signed-in operator who may open it.</summary>
    protected async Task<int> SignedInBotAsync(string name = "テストショップ")
    {
        var op = await Seed.OperatorAsync("op-1");
        var bot = await Seed.BotAsync(name);
        await Seed.GrantAsync(op, bot);
        SignIn(op);
        return bot;
    }

    /// <summary>Stops what a test class started (sandboxes), before the container and database go.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await CleanupAsync();
        await DisposeAsync();
        await Db.DisposeAsync();
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
