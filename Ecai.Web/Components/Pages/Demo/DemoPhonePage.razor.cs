using Ecai.Web.Components.Shared;
using Ecai.Web.Demo;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Demo;

/// <summary>
/// Demo mode only: each demo friend's LINE screen as the LINE sandbox received it (steps, follow messages,
/// broadcasts, 1:1 replies). The sandbox lives in this process, so the page simply re-reads it every two
/// seconds and redraws when something new arrived.
/// </summary>
public sealed partial class DemoPhonePage : BotPage
{
    private const int Shown = 30;
    private IReadOnlyList<DemoFriend> _friends = [];
    private DemoFriend? _selected;
    private string? _search;
    private long _seen;
    private long? _loadedFor;
    private System.Text.Json.Nodes.JsonArray _messages = [];
    private IReadOnlyList<DateTimeOffset?> _times = [];
    private Dictionary<string, int> _counts = [];
    private PeriodicTimer? _timer;

    [Parameter] public long? MemberId { get; set; }
    [Inject] private DemoLine DemoLine { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<DemoOptions> Demo { get; set; } = default!;

    private DemoLine? Line => Demo.Value.Enabled ? DemoLine : null;
    private DemoFriend? Selected => _selected;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        if (Line is not { } line) return;
        _friends = await line.FriendsAsync(botId, _search, Shown, ct);
        _selected = MemberId is { } id
            ? _friends.FirstOrDefault(f => f.MemberId == id) ?? (await line.FriendsAsync(botId, id.ToString(), 1, ct)).FirstOrDefault()
            : null;
        _loadedFor = MemberId;
        ReadReceived(line);
        if (_timer is null && RendererInfo.IsInteractive) _ = WatchAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Bot is not null && Loaded && MemberId != _loadedFor) await LoadAsync(Bot.Id, Aborted); // another friend picked
    }

    private async Task WatchAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await _timer.WaitForNextTickAsync(Aborted))
                if (Line is { } line && line.Store.TotalReceived != _seen)
                    await InvokeAsync(() =>
                    {
                        ReadReceived(line);
                        StateHasChanged();
                    });
        }
        catch (OperationCanceledException)
        {
            // the page was closed
        }
    }

    /// <summary>What the sandbox holds for the friends shown, read once per change (not on every render).</summary>
    private void ReadReceived(DemoLine line)
    {
        _seen = line.Store.TotalReceived;
        _counts = _friends.ToDictionary(f => f.LineUserId, f => line.Store.ReceivedCount(f.LineUserId));
        (_messages, _times) = _selected is { } friend ? line.ReceivedBy(friend.LineUserId) : ([], []);
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        if (Bot is not null) await LoadAsync(Bot.Id, Aborted);
    }
}
