using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shared;

/// <summary>Either a record or the reason its row was skipped (implicit conversions from both).</summary>
internal readonly record struct Mapped<T>(T? Record, string? SkipReason) where T : class
{
    public static implicit operator Mapped<T>(T record) => new(record, null);
    public static implicit operator Mapped<T>(string reason) => new(null, reason);
}

/// <summary>Helpers the pure mappers share: a page of rows → records + skipped rows, and text trimming.</summary>
internal static class RowMapping
{
    public static MappedPage<TRecord> MapPage<TRow, TRecord>(List<TRow>? rows, Func<TRow, string?> id,
        Func<TRow, DateTimeOffset?> updatedAt, Func<TRow, Mapped<TRecord>> map, bool? isLast) where TRecord : class
    {
        rows ??= [];
        var records = new List<TRecord>(rows.Count);
        var skipped = new List<SkippedRecord>();
        DateTimeOffset? max = null;
        foreach (var row in rows)
        {
            // Every readable updated-at moves the cursor, even a skipped row's: it has been seen.
            if (updatedAt(row) is { } seen && (max is null || seen > max)) max = seen;
            var mapped = map(row);
            if (mapped.Record is { } record) records.Add(record);
            else skipped.Add(new SkippedRecord(Trimmed(id(row)), mapped.SkipReason!));
        }
        return new MappedPage<TRecord>(records, skipped, rows.Count, max, isLast);
    }

    public static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    public static string? Trimmed(string? text) => Blank(text) ? null : text!.Trim();
}
