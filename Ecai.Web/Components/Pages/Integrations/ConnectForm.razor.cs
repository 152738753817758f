using Ecai.Domain.Carts;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Integrations;

/// <summary>Connects a cart; shows the domain's Japanese errors under each field and saves nothing on errors.</summary>
public sealed partial class ConnectForm
{
    private sealed class Model
    {
        public string? CartDomain { get; set; }
        public Dictionary<string, string?> Fields { get; } = [];
        public string? ApiDomain { get; set; }
        public DateOnly? LicenseExpiresOn { get; set; }
        public int PullIntervalMinutes { get; set; } = CartSpec.DefaultPullIntervalMinutes;
        public bool BirthdaySync { get; set; }
        public bool LineIdLinking { get; set; }
        public bool FirstImportToEveryone { get; set; }
        public DateTimeOffset? SubscriptionTagsSince { get; set; }
    }

    private Model _model = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ConnectionTestResult? _test;
    private bool _busy;

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public CartKind Kind { get; set; }
    [Parameter] public EventCallback<ConnectResult> OnConnected { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    [Inject] private CartConnections Connections { get; set; } = default!;

    private CartSpec Spec => CartSpec.Of(Kind);

    private bool HasError(string field) => _errors.ContainsKey(field);
    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private ConnectRequest Request() => new(Kind, _model.CartDomain, _model.Fields, _model.ApiDomain,
        _model.BirthdaySync, _model.LineIdLinking,
        _model.LicenseExpiresOn,
        _model.SubscriptionTagsSince, _model.PullIntervalMinutes, _model.FirstImportToEveryone);

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var result = await Connections.ConnectAsync(BotId, Request(), CancellationToken.None);
            _errors = result.Errors;
            _test = null;
            if (!result.Succeeded) return;
            _model = new Model(); // drop the credentials from the circuit's memory
            await OnConnected.InvokeAsync(result);
        }
        finally { _busy = false; }
    }

    /// <summary>接続テスト: checks the credentials against the cart without saving or importing.</summary>
    private async Task TestAsync()
    {
        _busy = true;
        try
        {
            _test = await Connections.TestAsync(Request(), CancellationToken.None);
            _errors = _test.Errors;
        }
        finally { _busy = false; }
    }
}
