using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// Source-generated System.Text.Json metadata for every ecforce DTO (no reflection, fast reads).
/// Names are snake_case like the wire; numbers are read leniently (a number, a numeric string, or
/// null for anything else) so one odd value never fails a whole page.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientInt64Converter), typeof(LenientInt32Converter), typeof(EcforceTimestampConverter)])]
[JsonSerializable(typeof(CustomerListDocument))]
[JsonSerializable(typeof(OrderListDocument))]
[JsonSerializable(typeof(SubOrderListDocument))]
[JsonSerializable(typeof(EcforceSignInRequest))]
[JsonSerializable(typeof(EcforceSignInResponse))]
internal sealed partial class EcforceJsonContext : JsonSerializerContext;

/// <summary>Relationship <c>data</c>: a single identifier, an array of identifiers, or null → the ids.</summary>
internal sealed class ResourceLinkageConverter : JsonConverter<List<string>?>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadId(ref reader) is { } id ? [id] : [];
            case JsonTokenType.StartArray:
                var ids = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && ReadId(ref reader) is { } next) ids.Add(next);
                    else JsonSkip.Value(ref reader);
                }
                return ids;
            default: // null, or something JSON:API does not allow
                JsonSkip.Value(ref reader);
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, List<string>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("ecforce DTOs are read-only.");

    /// <summary>The "id" of one identifier object (a string in JSON:API; a bare number is accepted too).</summary>
    private static string? ReadId(ref Utf8JsonReader reader)
    {
        string? id = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
            else if (isId && reader.TokenType == JsonTokenType.Number) id = Encoding.UTF8.GetString(reader.ValueSpan);
            else JsonSkip.Value(ref reader);
        }
        return id;
    }
}

/// <summary>
/// A JST timestamp read straight from the UTF-8 bytes (no string for the common case).
/// null and "" are blank; text that is not a date is kept in <see cref="EcforceTimestamp.Text"/>.
/// </summary>
internal sealed class EcforceTimestampConverter : JsonConverter<EcforceTimestamp>
{
    public override bool HandleNull => true;

    public override EcforceTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return default;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && EcforceTime.TryParseUtf8(reader.ValueSpan, out var fast))
            return new EcforceTimestamp(fast, null);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            JsonSkip.Value(ref reader);
            return new EcforceTimestamp(null, "(not a date)");
        }
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
        if (string.IsNullOrWhiteSpace(text)) return default;
        return EcforceTime.TryParse(text, out var utc) ? new EcforceTimestamp(utc, null) : new EcforceTimestamp(null, text);
    }

    public override void Write(Utf8JsonWriter writer, EcforceTimestamp value, JsonSerializerOptions options) =>
        throw new NotSupportedException("ecforce DTOs are read-only.");
}

/// <summary>long? from a number or a numeric string; null for anything else.</summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            case JsonTokenType.String:
                return !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var used) && used == reader.ValueSpan.Length
                    ? parsed : long.TryParse(reader.GetString(), out parsed) ? parsed : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                JsonSkip.Value(ref reader);
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>int? from a number or a numeric string; null for anything else (or out of range).</summary>
internal sealed class LenientInt32Converter : JsonConverter<int?>
{
    private static readonly LenientInt64Converter Inner = new();

    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Inner.Read(ref reader, typeof(long?), options) is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

internal static class JsonSkip
{
    /// <summary>
    /// Skips the current value inside a custom converter. STJ hands converters the whole value
    /// (it reads ahead), but when streaming the reader is not the "final block", where Skip() throws.
    /// </summary>
    public static void Value(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new JsonException("Incomplete JSON value.");
    }
}
