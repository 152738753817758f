using Ecai.Domain.Carts;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>Connects a cart; shows the domain's Japanese errors under each field and saves nothing on errors.</summary>
public sealed partial class ConnectForm
{
    private sealed class Model
    {
        public string? CartDomain { get; set; }
        public string? LoginEmail { get; set; }
        public string? Password { get; set; }
        public string? ApiDomain { get; set; }
        public bool BirthdaySync { get; set; }
        public bool LineIdLinking { get; set; }
    }

    private Model _model = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _saving;

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public CartKind Kind { get; set; }
    [Parameter] public EventCallback<ConnectResult> OnConnected { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    [Inject] private CartConnections Connections { get; set; } = default!;

    private bool HasError(string field) => _errors.ContainsKey(field);
    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SubmitAsync()
    {
        _saving = true;
        try
        {
            var request = new ConnectRequest(Kind, _model.CartDomain, _model.LoginEmail, _model.Password, _model.ApiDomain,
                _model.BirthdaySync, _model.LineIdLinking);
            var result = await Connections.ConnectAsync(BotId, request, CancellationToken.None);
            _errors = result.Errors;
            if (!result.Succeeded) return;
            _model = new Model(); // drop the password from the circuit's memory
            await OnConnected.InvokeAsync(result);
        }
        finally { _saving = false; }
    }
}
