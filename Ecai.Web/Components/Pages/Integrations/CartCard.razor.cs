using Ecai.Domain.Carts;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>One cart on 外部連携: the connect form when not connected, else its state, figures and actions.</summary>
public sealed partial class CartCard
{
    private bool _connecting;
    private bool _editingCredentials;
    private bool _testing;
    private bool _optionsStale;
    private ConnectionTestResult? _test;

    [Parameter, EditorRequired] public CartKind Kind { get; set; }
    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter] public ConnectionView? Connection { get; set; }
    [Parameter] public string? Warning { get; set; }
    [Parameter] public JobProgressView? Progress { get; set; }
    [Parameter] public bool PullBusy { get; set; }
    [Parameter] public EventCallback OnPull { get; set; }
    [Parameter] public EventCallback<ConnectResult> OnConnected { get; set; }
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private CartConnections Connections { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private async Task ConnectedAsync(ConnectResult result)
    {
        _connecting = false;
        Snackbar.Add(L["Integrations.Connected", CartNames.Of(Kind)], Severity.Success);
        await OnConnected.InvokeAsync(result);
    }

    private async Task SaveOptionsAsync(ConnectionOptions options)
    {
        if (Connection is not { } c) return;
        // The version shown with these options: a change made meanwhile elsewhere is refused, then the page shows the fresh ones.
        var result = await Connections.UpdateOptionsAsync(BotId, c.Id, options, c.Version, CancellationToken.None);
        _optionsStale = result.IsStale;
        if (result.IsStale)
        {
            await OnChanged.InvokeAsync();
            return;
        }
        if (!result.Succeeded) return;
        Snackbar.Add(L["Integrations.OptionsSaved"], Severity.Success);
        await OnChanged.InvokeAsync();
    }

    /// <summary>接続テスト with the stored credentials; the result stays on the card.</summary>
    private async Task TestAsync()
    {
        if (Connection is not { } c) return;
        _testing = true;
        try { _test = await Connections.TestAsync(BotId, c.Id, CancellationToken.None); }
        finally { _testing = false; }
    }

    private async Task CredentialsSavedAsync()
    {
        _editingCredentials = false;
        _test = null;
        Snackbar.Add(L["Integrations.CredentialsUpdated"], Severity.Success);
        await OnChanged.InvokeAsync();
    }

    /// <summary>商品CSVをダウンロード: the password dialog starts the job; the file then waits in ジョブリスト.</summary>
    private async Task ProductCsvAsync()
    {
        if (Connection is not { } c) return;
        var parameters = new DialogParameters<ProductCsvDialog>
        {
            { x => x.BotId, BotId }, { x => x.ConnectionId, c.Id }, { x => x.Kind, Kind },
        };
        var dialog = await Dialogs.ShowAsync<ProductCsvDialog>(null, parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false }) Snackbar.Add(L["ProductCsv.Started"], Severity.Success);
    }

    private async Task DisconnectAsync()
    {
        if (Connection is not { } c) return;
        var name = CartNames.Of(Kind);
        var parameters = new DialogParameters<DisconnectDialog>
        {
            { x => x.BotId, BotId }, { x => x.ConnectionId, c.Id }, { x => x.Kind, Kind },
        };
        var dialog = await Dialogs.ShowAsync<DisconnectDialog>(null, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: bool keep }) return;
        await Connections.DisconnectAsync(BotId, c.Id, keep, CancellationToken.None);
        Snackbar.Add(L["Integrations.Disconnected", name], Severity.Info);
        await OnChanged.InvokeAsync();
    }
}
