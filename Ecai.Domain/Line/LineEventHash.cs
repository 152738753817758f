using System.Security.Cryptography;
using System.Text.Json;

namespace Ecai.Domain.Line;

/// <summary>
/// A stable id for a LINE webhook event that carries no <c>webhookEventId</c>: SHA-256 of the event's canonical
/// JSON (object properties sorted by name at every level, no whitespace), leaving out what differs between a
/// delivery and its redelivery (<c>deliveryContext</c>, <c>replyToken</c>). The same event with its properties
/// in another order or spaced differently gets the same id; any other content gets another.
/// </summary>
public static class LineEventHash
{
    /// <summary>Prefix that keeps these ids apart from LINE's own (ULID) webhookEventIds.</summary>
    public const string Prefix = "sha256:";

    private static readonly HashSet<string> DeliveryOnly = new(StringComparer.Ordinal) { "deliveryContext", "replyToken" };

    public static string Of(JsonElement e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, e, topLevel: true);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool topLevel)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject()
                             .Where(p => !topLevel || !DeliveryOnly.Contains(p.Name))
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, topLevel: false);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item, topLevel: false);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
