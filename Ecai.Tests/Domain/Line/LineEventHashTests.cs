using System.Text.Json;
using Ecai.Domain.Line;

namespace Ecai.Tests.Domain.Line;

/// <summary>The stand-in id for LINE events without webhookEventId: same event, same id; other content, other id.</summary>
public sealed class LineEventHashTests
{
    private static string Hash(string json)
    {
        using var document = JsonDocument.Parse(json);
        return LineEventHash.Of(document.RootElement);
    }

    private const string Follow = """{"replyToken":"r1","type":"follow","mode":"active","timestamp":1462629479859,"source":{"type":"user","userId":"Ua"}}""";

    [Fact]
    public void Order_spacing_reply_token_and_delivery_context_do_not_change_the_id()
    {
        var redelivered = """
            { "source": { "userId": "Ua", "type": "user" }, "timestamp": 1462629479859, "mode": "active", "type": "follow",
              "deliveryContext": { "isRedelivery": true } }
            """;

        Assert.Equal(Hash(Follow), Hash(redelivered));
        Assert.StartsWith(LineEventHash.Prefix, Hash(Follow));
        Assert.Equal(LineEventHash.Prefix.Length + 64, Hash(Follow).Length);
    }

    [Theory]
    [InlineData("""{"type":"follow","mode":"active","timestamp":1462629479860,"source":{"type":"user","userId":"Ua"}}""")]
    [InlineData("""{"type":"follow","mode":"active","timestamp":1462629479859,"source":{"type":"user","userId":"Ub"}}""")]
    [InlineData("""{"type":"unfollow","mode":"active","timestamp":1462629479859,"source":{"type":"user","userId":"Ua"}}""")]
    [InlineData("""{"type":"follow","mode":"active","timestamp":1462629479859,"source":{"type":"user","userId":"Ua"},"message":{"id":"1"}}""")]
    public void Any_other_content_is_another_event(string other) => Assert.NotEqual(Hash(Follow), Hash(other));
}
