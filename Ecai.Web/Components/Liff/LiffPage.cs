using Ecai.Domain.Line;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Ecai.Web.Components.Liff;

/// <summary>Where a LIFF page is in finding out who opened it.</summary>
public enum LiffState { Loading, NotSetUp, SignInNeeded, Refused, Unavailable, NotFriend, Ready }

/// <summary>
/// Base of a page that opens in LINE (LIFF). After the first render it asks the browser for the LINE ID
/// token (LIFF SDK; in demo mode, the token the LINE sandbox issued to the demo friend picker) and has LINE verify it for the bot's LINE
/// Login channel. Only then does the page know the user; the browser never asserts an identity itself.
/// </summary>
public abstract class LiffPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Parameter] public int BotId { get; set; }
    [CascadingParameter(Name = "ClientAddress")] protected string? ClientAddress { get; set; }
    [Inject] private LineChannels Channels { get; set; } = default!;
    [Inject] private ILineLogin Login { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private IOptions<Demo.DemoOptions> DemoMode { get; set; } = default!;
    [Inject] private ILogger<LiffPage> Log { get; set; } = default!;

    protected LiffState State { get; set; } = LiffState.Loading;
    protected CancellationToken Aborted => _disposed.Token;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        State = await IdentifyAsync();
        StateHasChanged();
    }

    private async Task<LiffState> IdentifyAsync()
    {
        if (await Channels.LiffAsync(BotId, Aborted) is not { } app) return LiffState.NotSetUp;
        string? token;
        try
        {
            token = await Js.InvokeAsync<string?>("ecaiLiff.idToken", Aborted, app.LiffId, DemoMode.Value.Enabled);
        }
        catch (JSException ex)
        {
            Log.LogWarning("LIFF could not start for bot {BotId}: {Message}", BotId, ex.Message);
            return LiffState.Unavailable;
        }
        if (string.IsNullOrEmpty(token)) return LiffState.SignInNeeded;
        var check = await Login.VerifyIdTokenAsync(token, app.LoginChannelId, Aborted);
        return check switch
        {
            { Identity: { } identity } => await OnIdentifiedAsync(identity) ? LiffState.Ready : LiffState.NotFriend,
            { Failure: IdTokenFailure.Unavailable } => LiffState.Unavailable,
            _ => LiffState.Refused,
        };
    }

    /// <summary>Loads what the page shows for the verified user; false when the user is not the bot's friend.</summary>
    protected abstract Task<bool> OnIdentifiedAsync(LineIdentity identity);

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
