using System.Buffers.Text;
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
    Converters = [typeof(LenientInt64Converter), typeof(LenientInt32Converter)])]
[JsonSerializable(typeof(CustomerListDocument))]
[JsonSerializable(typeof(OrderListDocument))]
[JsonSerializable(typeof(SubOrderListDocument))]
[JsonSerializable(typeof(EcforceSignInRequest))]
[JsonSerializable(typeof(EcforceSignInResponse))]
internal sealed partial class EcforceJsonContext : JsonSerializerContext;

/// <summary>Relationship <c>data</c>: a single identifier, an array of identifiers, or null.</summary>
internal sealed class ResourceLinkageConverter : JsonConverter<List<EcforceResourceId>?>
{
    public override List<EcforceResourceId>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return [ReadIdentifier(ref reader)];
            case JsonTokenType.StartArray:
                var list = new List<EcforceResourceId>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) list.Add(ReadIdentifier(ref reader));
                    else reader.Skip();
                }
                return list;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, List<EcforceResourceId>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("ecforce DTOs are read-only.");

    private static EcforceResourceId ReadIdentifier(ref Utf8JsonReader reader)
    {
        string? id = null, type = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id") id = ReadScalar(ref reader);
            else if (name == "type") type = ReadScalar(ref reader);
            else reader.Skip();
        }
        return new EcforceResourceId(id, type);
    }

    // Identifiers are strings in JSON:API; accept a bare number too.
    private static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => SkipToNull(ref reader),
    };

    private static string? SkipToNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
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
                reader.Skip();
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
