namespace Ecai.Tests.Flows;

/// <summary>
/// Webhook bodies shaped like the LINE Messaging API's own examples (webhook event objects: message, join,
/// memberJoined in a group or a room, and a follow in the older shape without <c>webhookEventId</c>).
/// Ids are made up; timestamps are milliseconds since the epoch.
/// </summary>
internal static class LineWebhookFixtures
{
    public const string GroupTextMessage = """
        {
          "destination": "U0123456789abcdef0123456789abcdef",
          "events": [
            {
              "type": "message",
              "message": { "type": "text", "id": "468789577898262530", "quoteToken": "q3Plxr4AgKd", "text": "グループで失礼します、再入荷はいつですか" },
              "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6T",
              "deliveryContext": { "isRedelivery": false },
              "timestamp": 1692251666727,
              "source": { "type": "group", "groupId": "Ca56f94637c2b1d6d3ff2d3f0b2a3e4c5", "userId": "U4af4980629a1b2c3d4e5f6a7b8c9d0e1" },
              "replyToken": "38ef843bde154d9b91c21320ffd17a0f",
              "mode": "active"
            }
          ]
        }
        """;

    public const string RoomTextMessage = """
        {
          "destination": "U0123456789abcdef0123456789abcdef",
          "events": [
            {
              "type": "message",
              "message": { "type": "text", "id": "468789577898262531", "quoteToken": "q3Plxr4AgKe", "text": "複数人トークからです" },
              "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6V",
              "deliveryContext": { "isRedelivery": false },
              "timestamp": 1692251667727,
              "source": { "type": "room", "roomId": "Ra8dbf4673c4c1a2b3c4d5e6f7a8b9c0d", "userId": "U4af4980629a1b2c3d4e5f6a7b8c9d0e2" },
              "replyToken": "0f3779fba3b349968c5d07db31eab56f",
              "mode": "active"
            }
          ]
        }
        """;

    public const string JoinAndMemberJoinedInGroup = """
        {
          "destination": "U0123456789abcdef0123456789abcdef",
          "events": [
            {
              "type": "join",
              "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6W",
              "deliveryContext": { "isRedelivery": false },
              "timestamp": 1692251668727,
              "source": { "type": "group", "groupId": "Ca56f94637c2b1d6d3ff2d3f0b2a3e4c5" },
              "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
              "mode": "active"
            },
            {
              "type": "memberJoined",
              "joined": { "members": [ { "type": "user", "userId": "U4af4980629a1b2c3d4e5f6a7b8c9d0e3" }, { "type": "user", "userId": "U91eeaf62d9a1b2c3d4e5f6a7b8c9d0e4" } ] },
              "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6X",
              "deliveryContext": { "isRedelivery": false },
              "timestamp": 1692251669727,
              "source": { "type": "group", "groupId": "Ca56f94637c2b1d6d3ff2d3f0b2a3e4c5", "userId": "U4af4980629a1b2c3d4e5f6a7b8c9d0e3" },
              "replyToken": "0f3779fba3b349968c5d07db31eabf65",
              "mode": "active"
            }
          ]
        }
        """;

    /// <summary>A follow in the shape LINE sent before <c>webhookEventId</c> existed.</summary>
    public const string OlderUserFollow = """
        {
          "destination": "U0123456789abcdef0123456789abcdef",
          "events": [
            {
              "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
              "type": "follow",
              "mode": "active",
              "timestamp": 1462629479859,
              "source": { "type": "user", "userId": "U4af4980629a1b2c3d4e5f6a7b8c9d0e5" }
            }
          ]
        }
        """;

    /// <summary>The same follow redelivered: LINE marks it as a redelivery and it has no reply token; properties in another order.</summary>
    public const string OlderUserFollowRedelivered = """
        {"destination":"U0123456789abcdef0123456789abcdef","events":[{"source":{"userId":"U4af4980629a1b2c3d4e5f6a7b8c9d0e5","type":"user"},"timestamp":1462629479859,"mode":"active","type":"follow","deliveryContext":{"isRedelivery":true}}]}
        """;

    /// <summary>Another follow by the same friend later (unfollowed and came back), also without an id.</summary>
    public const string OlderUserFollowLater = """
        {"destination":"U0123456789abcdef0123456789abcdef","events":[{"type":"follow","mode":"active","timestamp":1462629999999,"source":{"type":"user","userId":"U4af4980629a1b2c3d4e5f6a7b8c9d0e5"}}]}
        """;
}
