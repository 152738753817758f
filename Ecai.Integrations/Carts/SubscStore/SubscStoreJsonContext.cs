using System.Text.Json.Serialization;
using Ecai.Integrations.Carts.Ecforce;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Source-generated metadata for the modelled サブスクストア DTOs: camelCase like the wire; numbers
/// read leniently (a number, a numeric string, or null) so one odd value never fails a page.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientInt64Converter), typeof(LenientInt32Converter)])]
[JsonSerializable(typeof(SubscStoreList<SubscStoreCustomer>))]
[JsonSerializable(typeof(SubscStoreList<SubscStoreOrder>))]
[JsonSerializable(typeof(SubscStoreList<SubscStoreSubscription>))]
[JsonSerializable(typeof(SubscStoreToken))]
internal sealed partial class SubscStoreJsonContext : JsonSerializerContext;
