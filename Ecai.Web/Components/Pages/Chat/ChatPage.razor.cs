using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Chat;
using Ecai.Domain.Realtime;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Pages.Chat;

/// <summary>
/// 1:1トーク: the bot's conversations (left), one member's talk (the shop's messages on the right, with each one's
/// delivery state: 送信待ち / 送信済み / 失敗), a reply box that sends through the ledger, and the member's purchase
/// panel. New messages appear live (<see cref="ChatMessageReceived"/>); the reply being typed is kept.
/// </summary>
public sealed partial class ChatPage : BotPage
{
    private IReadOnlyList<ConversationSummary> _list = [];
    private Conversation? _conversation;
    private MemberDetail? _detail;
    private long? _loadedMember;
    private string? _reply, _problem;
    private bool _sending;

    [Parameter] public long? MemberId { get; set; }
    [Inject] private ChatConversations Chat { get; set; } = default!;
    [Inject] private MemberDetails Details { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct)
    {
        _list = await Chat.ListAsync(botId, ct);
        if (MemberId is { } id)
        {
            _conversation = await Chat.GetAsync(botId, id, ct);
            _detail = _conversation is null ? null : await Details.GetAsync(botId, id, ct);
        }
        else (_conversation, _detail) = (null, null);
        if (_loadedMember != MemberId) (_reply, _problem) = (null, null); // another member: start a fresh reply
        _loadedMember = MemberId;
    }

    protected override async Task OnParametersSetAsync()
    {
        // Moving from one conversation to another re-uses this page: load the new member.
        if (Loaded && Bot is { } bot && _loadedMember != MemberId) await LoadAsync(bot.Id, Aborted);
    }

    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is not (JobProgressChanged or TagsChanged or ConnectionChanged)) RequestReload();
        return Task.CompletedTask;
    }

    /// <summary>「新しいトーク」's search: any friend of the bot, by name, phone, e-mail or cart customer number.</summary>
    private async Task<IEnumerable<FriendMatch>> FindFriendsAsync(string? text, CancellationToken ct) =>
        Bot is null ? [] : await Chat.FindFriendsAsync(Bot.Id, text, ct);

    /// <summary>Opens the picked friend's talk, empty if they never wrote.</summary>
    private Task OpenAsync(FriendMatch? friend)
    {
        if (friend is not null) Navigation.NavigateTo($"/chat/{friend.MemberId}");
        return Task.CompletedTask;
    }

    private RenderFragment NoFriends => builder => builder.AddContent(0, L["Chat.NewTalkNone"]);

    private async Task SendAsync()
    {
        if (Bot is null || MemberId is not { } member || string.IsNullOrWhiteSpace(_reply)) return;
        _sending = true;
        try
        {
            var result = await Chat.ReplyAsync(Bot.Id, member, _reply, BotContext.OperatorId, Aborted);
            _problem = result.Problem;
            if (!result.Succeeded) return;
            _reply = null;
            _conversation = await Chat.GetAsync(Bot.Id, member, Aborted);
            _list = await Chat.ListAsync(Bot.Id, Aborted);
        }
        finally { _sending = false; }
    }

    private string SourceName(DeliverySource? source) => source switch
    {
        DeliverySource.Step => L["Chat.SourceStep"],
        DeliverySource.Follow => L["Chat.SourceFollow"],
        DeliverySource.Broadcast => L["Chat.SourceBroadcast"],
        _ => "",
    };

    private string StateName(ChatEntry e) => e.State switch
    {
        DeliveryState.Pending => L["Chat.StatePending"],
        DeliveryState.Sent => L["Chat.StateSent"],
        DeliveryState.Failed => L["Chat.StateFailed"],
        DeliveryState.Skipped => e.SkipReason switch
        {
            DeliverySkipReason.Blocked => L["Chat.SkippedBlocked"],
            DeliverySkipReason.TimePassed => L["Chat.SkippedTimePassed"],
            DeliverySkipReason.FilterNotMatched => L["Chat.SkippedFilter"],
            DeliverySkipReason.OrderCancelled => L["Chat.SkippedOrderCancelled"],
            _ => L["Chat.SkippedStopped"],
        },
        _ => "",
    };
}
