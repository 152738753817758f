using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Source-generated System.Text.Json metadata for the RMS DTOs. Numbers may also arrive as numeric
/// strings; names come from the attributes on the DTOs.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SearchOrderRequest))]
[JsonSerializable(typeof(SearchOrderResponse))]
[JsonSerializable(typeof(GetOrderRequest))]
[JsonSerializable(typeof(GetOrderResponse))]
internal sealed partial class RakutenJsonContext : JsonSerializerContext;

/// <summary>Reads a string, a number (as its text) or null; anything else is null.</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartObject or JsonTokenType.StartArray: reader.Skip(); return null;
            default: return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
