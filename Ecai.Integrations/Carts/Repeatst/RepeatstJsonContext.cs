using System.Text.Json.Serialization;
using Ecai.Integrations.Carts.Ecforce;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Source-generated metadata for the modelled リピスト DTOs: snake_case like the wire; numbers read
/// leniently (a number, a numeric string, or null) so one odd value never fails a page.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientInt64Converter), typeof(LenientInt32Converter)])]
[JsonSerializable(typeof(RepeatstCustomerList))]
[JsonSerializable(typeof(RepeatstOrderList))]
[JsonSerializable(typeof(RepeatstTeikiList))]
[JsonSerializable(typeof(RepeatstErrorBody))]
internal sealed partial class RepeatstJsonContext : JsonSerializerContext;
