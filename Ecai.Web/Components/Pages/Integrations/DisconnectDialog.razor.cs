using Ecai.Domain.Carts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>Shows the <see cref="DisconnectPlan"/>; closes with true to keep the dependent messages and rules switched off, false to delete them.</summary>
public sealed partial class DisconnectDialog
{
    private DisconnectPlan? _plan;
    private bool _keep = true;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public int ConnectionId { get; set; }
    [Parameter, EditorRequired] public CartKind Kind { get; set; }
    [Inject] private CartConnections Connections { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _plan = await Connections.PreviewDisconnectAsync(BotId, ConnectionId, CancellationToken.None);
        if (_plan is null) Dialog.Cancel();
    }

    private void Confirm() => Dialog.Close(DialogResult.Ok(_keep));

    private void Cancel() => Dialog.Cancel();
}
