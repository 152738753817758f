namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>Every sandbox row has an id and an updated_at (the paging key).</summary>
internal interface ISandboxRow
{
    long Id { get; }
    DateTimeOffset UpdatedAt { get; }
}

/// <summary>
/// One resource of a sandbox (customers, orders, subscriptions…): generated rows 0..N-1 whose
/// updated_at grows with the index, plus an overlay of rows changed or added since start-up, whose
/// updated_at is later than every generated row. Listing ordered by updated_at is therefore
/// "generated rows not touched since" followed by "overlay rows", and a page is an index range:
/// binary search for <c>updated_at_gteq</c>, no scan, nothing materialised beyond the page.
/// </summary>
internal sealed class SandboxTable<TRow>(int generatedCount, Func<int, DateTimeOffset> generatedUpdatedAt, Func<int, TRow> generate)
    where TRow : class, ISandboxRow
{
    /// <summary>Immutable snapshot: readers take it once per request, writers replace it under the lock.</summary>
    private sealed record Overlay(int[] Touched, TRow[] Rows);

    private readonly Lock _lock = new();
    private Overlay _overlay = new([], []);

    public int GeneratedCount => generatedCount;

    /// <summary>Generated rows plus added ones (ids run 1..Count).</summary>
    public int Count
    {
        get
        {
            var o = Volatile.Read(ref _overlay);
            return generatedCount + o.Rows.Length - o.Touched.Length;
        }
    }

    /// <summary>The current version of the row with this id, or null.</summary>
    public TRow? Find(long id)
    {
        var o = Volatile.Read(ref _overlay);
        foreach (var row in o.Rows)
        {
            if (row.Id == id) return row;
        }
        return id >= 1 && id <= generatedCount ? generate((int)(id - 1)) : null;
    }

    /// <summary>Stores a changed or new row; its UpdatedAt must be later than any row stored before.</summary>
    public void Put(TRow row)
    {
        lock (_lock)
        {
            var o = _overlay;
            var touched = o.Touched;
            var index = row.Id - 1;
            if (index < generatedCount && Array.BinarySearch(touched, (int)index) < 0)
                touched = [.. touched, (int)index];
            Array.Sort(touched);
            Volatile.Write(ref _overlay, new Overlay(touched, [.. o.Rows.Where(r => r.Id != row.Id), row]));
        }
    }

    /// <summary>Rows with updated_at ≥ <paramref name="since"/>, ordered by updated_at, then the requested slice.</summary>
    public (int Total, IEnumerable<TRow> Rows) Query(DateTimeOffset? since, int offset, int count, bool descending)
    {
        var o = Volatile.Read(ref _overlay);
        var firstGenerated = since is { } s ? LowerBound(generatedCount, i => generatedUpdatedAt(i) >= s) : 0;
        var touchedBefore = LowerBound(o.Touched.Length, i => o.Touched[i] >= firstGenerated);
        var generatedTotal = generatedCount - firstGenerated - (o.Touched.Length - touchedBefore);
        var firstOverlay = since is { } t ? LowerBound(o.Rows.Length, i => o.Rows[i].UpdatedAt >= t) : 0;
        var total = generatedTotal + o.Rows.Length - firstOverlay;
        return (total, Slice(o, firstGenerated, touchedBefore, generatedTotal, firstOverlay, total, offset, count, descending));
    }

    private IEnumerable<TRow> Slice(Overlay o, int firstGenerated, int touchedBefore, int generatedTotal, int firstOverlay,
        int total, int offset, int count, bool descending)
    {
        var end = Math.Min(total, offset + count);
        for (var position = offset; position < end; position++)
        {
            var p = descending ? total - 1 - position : position;
            yield return p < generatedTotal
                ? generate(GeneratedIndexAt(o.Touched, touchedBefore, firstGenerated + p))
                : o.Rows[firstOverlay + p - generatedTotal];
        }
    }

    /// <summary>The generated index at a rank that skips touched indexes (they live in the overlay now).</summary>
    private static int GeneratedIndexAt(int[] touched, int touchedBefore, int index)
    {
        for (var k = touchedBefore; k < touched.Length && touched[k] <= index; k++) index++;
        return index;
    }

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
