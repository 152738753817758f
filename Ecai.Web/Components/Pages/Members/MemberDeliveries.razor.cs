using Ecai.Domain.Messaging;
using Ecai.Domain.Realtime;
using Ecai.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>
/// 会員詳細's 配信履歴: the member's deliveries from the send ledger, newest first, paged in SQL; redraws live when the bot's
/// ledger changes (<see cref="DeliveriesChanged"/>).
/// </summary>
public sealed partial class MemberDeliveries : ComponentBase, IDisposable
{
    private const int PageSize = 20;
    private IReadOnlyList<MemberDeliveryRow> _rows = [];
    private int _total;
    private int _page = 1;
    private IDisposable? _subscription;

    [Parameter, EditorRequired] public int BotId { get; set; }
    [Parameter, EditorRequired] public long MemberId { get; set; }
    [Inject] private Deliveries Deliveries { get; set; } = default!;
    [Inject] private LiveBroadcaster Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Live.Subscribe(BotId, e => e is not DeliveriesChanged ? Task.CompletedTask : InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
        await LoadAsync();
    }

    private async Task LoadAsync() => (_rows, _total) = await Deliveries.ForMemberAsync(BotId, MemberId, (_page - 1) * PageSize, PageSize, CancellationToken.None);

    private async Task PageChangedAsync(int page)
    {
        _page = page;
        await LoadAsync();
    }

    private string SourceText(DeliverySource source) => source switch
    {
        DeliverySource.Step => L["Deliveries.SourceStep"],
        DeliverySource.Follow => L["Deliveries.SourceFollow"],
        DeliverySource.Broadcast => L["Deliveries.SourceBroadcast"],
        _ => L["Deliveries.SourceChat"],
    };

    private string StateText(MemberDeliveryRow row) => row.State switch
    {
        DeliveryState.Pending when row.Attempts > 0 => L["Deliveries.Retrying", row.Attempts],
        DeliveryState.Pending => L["Deliveries.Pending"],
        DeliveryState.Sent => L["Deliveries.Sent"],
        DeliveryState.Failed => L["Deliveries.FailedWhy", row.Error ?? "-"],
        _ => L["Deliveries.SkippedWhy", row.SkipReason switch
        {
            DeliverySkipReason.Blocked => L["Deliveries.SkipBlocked"],
            DeliverySkipReason.TimePassed => L["Deliveries.SkipTimePassed"],
            DeliverySkipReason.FilterNotMatched => L["Deliveries.SkipFilter"],
            DeliverySkipReason.OrderCancelled => L["Deliveries.SkipOrderCancelled"],
            _ => L["Deliveries.SkipStopped"],
        }],
    };

    public void Dispose() => _subscription?.Dispose();
}
