using System.Security.Claims;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ecai.Web.Components;

/// <summary>A bot the operator may open, as the bot switcher lists it.</summary>
public sealed record BotRef(int Id, string Name);

/// <summary>
/// The circuit's signed-in operator and the bot they are working on (scoped: one per circuit).
/// Bot-scoped pages ask <see cref="OpenCurrentAsync"/>, which re-checks access every time.
/// </summary>
public sealed class BotContext(AuthenticationStateProvider auth, BotAccess access)
{
    private Task? _loading;

    public string? OperatorId { get; private set; }
    public string OperatorName { get; private set; } = "";
    public IReadOnlyList<BotRef> Bots { get; private set; } = [];
    public BotRef? Current { get; private set; }
    public bool IsLoaded { get; private set; }

    /// <summary>Raised after the current bot changed.</summary>
    public event Action? Changed;

    /// <summary>Loads the operator and their bots once per circuit; the first bot is the default.</summary>
    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    /// <summary>The current bot if the operator may still open it; null otherwise.</summary>
    public async Task<BotRef?> OpenCurrentAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync();
        if (OperatorId is null || Current is null) return null;
        return await access.CanOpenAsync(OperatorId, Current.Id, ct) ? Current : null;
    }

    public async Task<bool> SelectAsync(int botId, CancellationToken ct)
    {
        await EnsureLoadedAsync();
        var bot = Bots.FirstOrDefault(b => b.Id == botId);
        if (bot is null || OperatorId is null || !await access.CanOpenAsync(OperatorId, botId, ct)) return false;
        if (Current?.Id == botId) return true;
        Current = bot;
        Changed?.Invoke();
        return true;
    }

    private async Task LoadAsync()
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        OperatorId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        OperatorName = user.FindFirstValue(OperatorClaimsFactory.DisplayNameClaim) is { Length: > 0 } name
            ? name : user.Identity?.Name ?? "";
        if (OperatorId is not null)
        {
            var bots = await access.BotsForAsync(OperatorId, CancellationToken.None);
            Bots = bots.Select(b => new BotRef(b.Id, b.Name)).ToList();
            Current = Bots.FirstOrDefault();
        }
        IsLoaded = true;
    }
}
