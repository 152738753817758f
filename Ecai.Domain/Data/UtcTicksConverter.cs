using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ecai.Domain.Data;

/// <summary>Stores an instant as UTC ticks (INTEGER), so SQLite sorts and compares it in SQL.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
