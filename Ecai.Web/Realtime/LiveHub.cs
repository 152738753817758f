using Ecai.Domain.Realtime;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Ecai.Web.Realtime;

/// <summary>What /hubs/live pushes to its clients.</summary>
public interface ILiveClient
{
    Task JobProgress(JobProgressChanged e);
    Task ConnectionChanged(ConnectionChanged e);
    Task DashboardChanged(DashboardChanged e);
    Task TagsChanged(TagsChanged e);
}

/// <summary>Typed hub at /hubs/live; a client joins the group of a bot its operator may open.</summary>
[Authorize]
public sealed class LiveHub(BotAccess access) : Hub<ILiveClient>
{
    public static string GroupName(int botId) => $"bot-{botId}";

    public async Task JoinBot(int botId)
    {
        if (Context.UserIdentifier is not { } operatorId || !await access.CanOpenAsync(operatorId, botId, Context.ConnectionAborted))
            throw new HubException("このBOTを開く権限がありません。");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(botId));
    }

    public Task LeaveBot(int botId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(botId));
}
