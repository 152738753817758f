using Ecai.Domain.Carts;
using Ecai.Web.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>Asks for the login password and starts the カート側商品CSV job; closes with the run's id.</summary>
public sealed partial class ProductCsvDialog
{
    private string? _password;
    private string? _error;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public int ConnectionId { get; set; }
    [Parameter, EditorRequired] public CartKind Kind { get; set; }

    [Inject] private ProductCsvExports Exports { get; set; } = default!;
    [Inject] private BotContext BotContext { get; set; } = default!;

    private async Task StartAsync()
    {
        if (string.IsNullOrEmpty(_password)) { _error = L["ProductCsv.PasswordRequired"]; return; }
        _busy = true;
        try
        {
            await BotContext.EnsureLoadedAsync();
            if (BotContext.OperatorId is not { } operatorId) { _error = L["Common.Denied"]; return; }
            var start = await Exports.StartAsync(BotId, ConnectionId, operatorId, _password, CancellationToken.None);
            _password = null;
            _error = start.Refusal switch
            {
                ProductCsvRefusal.None => null,
                ProductCsvRefusal.WrongPassword => L["ProductCsv.WrongPassword"].Value,
                ProductCsvRefusal.LockedOut => L["ProductCsv.LockedOut"].Value,
                _ => L["Common.Denied"].Value,
            };
            if (start.JobRunId is { } runId) Dialog.Close(DialogResult.Ok(runId));
        }
        finally { _busy = false; }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_busy) await StartAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
