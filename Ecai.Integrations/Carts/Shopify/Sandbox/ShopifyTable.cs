using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// One resource of the sandbox: generated rows 0..N-1 (id = idBase + i + 1) whose updated_at grows
/// with the index, plus rows changed or added since start-up, whose updated_at is later than every
/// generated row. Listing is keyset paging on (updated_at, id), as Shopify's page_info is: a row
/// changed during a pull moves behind the pages already read and is read again, nothing shifts.
/// </summary>
internal sealed class ShopifyTable<TRow>(long idBase, int generatedCount, Func<int, DateTimeOffset> generatedUpdatedAt, Func<int, TRow> generate)
    where TRow : class, ISandboxRow
{
    /// <summary>Immutable snapshot: readers take it once per request, writers replace it under the lock.</summary>
    private sealed record Overlay(HashSet<long> Touched, TRow[] Rows);

    private readonly Lock _lock = new();
    private Overlay _overlay = new([], []);

    public int GeneratedCount => generatedCount;

    /// <summary>Generated rows plus added ones.</summary>
    public int Count
    {
        get
        {
            var o = Volatile.Read(ref _overlay);
            return generatedCount + o.Rows.Length - o.Touched.Count;
        }
    }

    public long IdOf(int index) => idBase + index + 1;

    public long NextId => idBase + Count + 1;

    /// <summary>The current version of the row with this id, or null.</summary>
    public TRow? Find(long id)
    {
        var o = Volatile.Read(ref _overlay);
        foreach (var row in o.Rows)
        {
            if (row.Id == id) return row;
        }
        var index = id - idBase - 1;
        return index >= 0 && index < generatedCount ? generate((int)index) : null;
    }

    /// <summary>Stores a changed or new row; its UpdatedAt must be later than any row stored before.</summary>
    public void Put(TRow row)
    {
        lock (_lock)
        {
            var o = _overlay;
            var touched = o.Touched;
            var index = row.Id - idBase - 1;
            if (index >= 0 && index < generatedCount && !touched.Contains(row.Id)) touched = [.. touched, row.Id];
            Volatile.Write(ref _overlay, new Overlay(touched, [.. o.Rows.Where(r => r.Id != row.Id), row]));
        }
    }

    /// <summary>
    /// Up to <paramref name="take"/> rows with updated_at ≥ <paramref name="since"/>, after the key
    /// <paramref name="after"/>, that pass <paramref name="filter"/>, in (updated_at, id) order.
    /// </summary>
    public List<TRow> Query(DateTimeOffset? since, (DateTimeOffset UpdatedAt, long Id)? after, Func<TRow, bool> filter, int take)
    {
        var o = Volatile.Read(ref _overlay);
        var result = new List<TRow>(Math.Min(take, 1024));
        var first = LowerBound(generatedCount, i =>
            (since is not { } s || generatedUpdatedAt(i) >= s) && (after is not { } a || IsAfter(generatedUpdatedAt(i), IdOf(i), a)));
        for (var i = first; i < generatedCount && result.Count < take; i++)
        {
            if (o.Touched.Contains(IdOf(i))) continue;
            var row = generate(i);
            if (filter(row)) result.Add(row);
        }
        foreach (var row in o.Rows)
        {
            if (result.Count >= take) break;
            if (since is { } s && row.UpdatedAt < s) continue;
            if (after is { } a && !IsAfter(row.UpdatedAt, row.Id, a)) continue;
            if (filter(row)) result.Add(row);
        }
        return result;
    }

    private static bool IsAfter(DateTimeOffset updatedAt, long id, (DateTimeOffset UpdatedAt, long Id) key) =>
        updatedAt > key.UpdatedAt || (updatedAt == key.UpdatedAt && id > key.Id);

    /// <summary>First i in [0, n) where <paramref name="atOrAfter"/> holds (it must be monotonic); n if none.</summary>
    private static int LowerBound(int n, Func<int, bool> atOrAfter)
    {
        int lo = 0, hi = n;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (atOrAfter(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
