using System.Text.Json.Nodes;
using Ecai.Domain.Data;
using Ecai.Domain.Forms;
using Ecai.Domain.Line;
using Ecai.Integrations.Line;
using Ecai.Integrations.Line.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode's LINE: the LINE sandbox served under /sandbox/line, the demo bot's channel and LIFF app
/// pointing at it, and every demo member a LINE friend there, so LIFF pages can be opened as any of them
/// with an ID token the sandbox issues and ECAI verifies like a real one.
/// </summary>
public sealed class DemoLine(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    public const string Prefix = "/sandbox/line";
    public const string ChannelId = "2000000001";
    public const string LoginChannelId = "2000000000";
    public const string LiffId = LoginChannelId + "-EcaiDemo";
    private const string AccessToken = "ecai-demo-channel-access-token";
    /// <summary>The demo channel's secret (the sandbox signs its webhooks with it); a constant of the sandbox, not a secret anywhere else.</summary>
    public const string ChannelSecret = "0123456789abcdef0123456789abcdef";

    /// <summary>On the app's clock (the demo clock), so what friends received is stamped with the demo's time.</summary>
    public LineSandboxStore Store { get; } = new(clock);

    public void Map(IEndpointRouteBuilder app) => LineSandbox.Map(app, Prefix, Store);

    /// <summary>On every start: the sandbox accepts the demo token and knows the demo members; on the first, the bot is set up.</summary>
    public async Task StartAsync(IServiceProvider services, int botId, bool firstRun)
    {
        Store.AcceptAccessToken(AccessToken);
        if (firstRun)
        {
            var channels = services.GetRequiredService<LineChannels>();
            var version = (await channels.ViewAsync(botId, CancellationToken.None))?.Version ?? 0;
            var saved = await channels.SaveAsync(botId,
                new LineChannelSettings(ChannelId, ChannelSecret, AccessToken, LiffId, LoginChannelId), version, CancellationToken.None);
            if (!saved.Succeeded) throw new InvalidOperationException("Demo LINE channel: " + string.Join(" ", saved.Errors.Values));
            await services.GetRequiredService<IdentityForms>().SaveSettingsAsync(botId,
                new IdentityFormSettings(["本人確認フォーム回答"], IdentityForms.DefaultDoneMessage), saved.Version, CancellationToken.None);
        }
        await using var db = await dbs.CreateDbContextAsync();
        foreach (var m in await db.Members.Where(m => m.BotId == botId).Select(m => new { m.LineUserId, m.DisplayName }).ToListAsync())
            Store.AddFriend(m.LineUserId, m.DisplayName);
    }

    /// <summary>Once the host knows its address: LINE API calls go to this host's sandbox.</summary>
    public static void PointAt(IServiceProvider services, string baseUrl) =>
        services.GetRequiredService<LineEndpoint>().BaseUrl = new Uri(baseUrl + Prefix);

    /// <summary>Demo friends to open LIFF pages as, newest first, filtered by name or ECAI ID.</summary>
    public async Task<IReadOnlyList<DemoFriend>> FriendsAsync(int botId, string? search, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var members = db.Members.Where(m => m.BotId == botId && !m.IsBlocked);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            members = long.TryParse(text, out var id)
                ? members.Where(m => m.Id == id)
                : members.Where(m => m.DisplayName.Contains(text) || (m.RegisteredName != null && m.RegisteredName.Contains(text)));
        }
        return await members.OrderByDescending(m => m.FriendAddedAt).Take(take)
            .Select(m => new DemoFriend(m.Id, m.LineUserId, m.DisplayName, m.RegisteredName, m.PhoneRaw, db.CartLinks.Any(l => l.MemberId == m.Id)))
            .ToListAsync(ct);
    }

    /// <summary>What a friend received on LINE, oldest first, one entry per message object with the time it arrived.</summary>
    public (JsonArray Messages, IReadOnlyList<DateTimeOffset?> Times) ReceivedBy(string lineUserId)
    {
        var messages = new JsonArray();
        var times = new List<DateTimeOffset?>();
        foreach (var received in Store.ReceivedBy(lineUserId))
        {
            var batch = received.Messages; // a fresh copy: its nodes can move to the combined array
            foreach (var message in batch.ToList())
            {
                batch.Remove(message);
                messages.Add(message);
                times.Add(received.At);
            }
        }
        return (messages, times);
    }

    /// <summary>What LIFF would hand the page for this friend: an ID token for the demo LIFF app's channel, valid for an hour.</summary>
    public string IdTokenFor(string lineUserId) => Store.IssueIdToken(lineUserId, LoginChannelId, TimeSpan.FromHours(1));
}

public sealed record DemoFriend(long MemberId, string LineUserId, string DisplayName, string? RegisteredName, string? Phone, bool Linked);
