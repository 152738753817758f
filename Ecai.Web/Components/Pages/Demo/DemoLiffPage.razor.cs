using Ecai.Web.Components.Shared;
using Ecai.Web.Demo;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Demo;

/// <summary>
/// Demo mode only: pick a demo friend and open the LIFF pages as them, in a new tab, with an ID token the
/// LINE sandbox issues (in the URL fragment, which never reaches a server). ECAI verifies it as it would LINE's.
/// </summary>
public sealed partial class DemoLiffPage : BotPage
{
    private const int Shown = 30;
    private IReadOnlyList<DemoFriend> _friends = [];
    private string? _search;

    [Inject] private DemoLine DemoLine { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<DemoOptions> Demo { get; set; } = default!;

    private DemoLine? Line => Demo.Value.Enabled ? DemoLine : null;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        if (Line is { } line) _friends = await line.FriendsAsync(botId, _search, Shown, ct);
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        if (Bot is not null) await LoadAsync(Bot.Id, Aborted);
    }

    private string LiffUrl(string page, DemoFriend friend) =>
        $"/liff/{page}/{Bot!.Id}#sandbox_id_token={Uri.EscapeDataString(Line!.IdTokenFor(friend.LineUserId))}";
}
