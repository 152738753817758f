using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecai.Tests.Integrations.Shared;

/// <summary>The page loop shared by リピスト and サブスクストア, over a scripted cart.</summary>
public sealed class PagedPullTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Pages of <paramref name="rows"/> rows each; page k is marked last when k == <paramref name="pages"/> (or not marked).</summary>
    private static PagedPull.PageFetcher<int> Cart(int pages, int rows, bool marksLast, List<(int Page, DateTimeOffset? Since)> calls) =>
        (page, since, _) =>
        {
            lock (calls) calls.Add((page, since));
            var count = page <= pages ? rows : 0;
            var items = Enumerable.Range((page - 1) * rows, count).ToList();
            return Task.FromResult(new MappedPage<int>(items, [], count, count == 0 ? null : T0.AddMinutes(page),
                marksLast ? page >= pages : null));
        };

    private static async Task<List<CartPage<int>>> RunAsync(PagedPull.PageFetcher<int> fetch, string? cursor = null, int pageSize = 100)
    {
        var all = new List<CartPage<int>>();
        await foreach (var page in PagedPull.RunAsync("test", cursor, pageSize, maxInFlight: 3, maxPages: 100, fetch, NullLogger.Instance, CancellationToken.None))
            all.Add(page);
        return all;
    }

    [Fact]
    public async Task A_cart_that_caps_pages_below_our_size_is_read_to_the_end_when_it_says_there_is_more()
    {
        var calls = new List<(int, DateTimeOffset?)>();

        var pages = await RunAsync(Cart(pages: 4, rows: 50, marksLast: true, calls), pageSize: 100);

        Assert.Equal(Enumerable.Range(0, 200), pages.SelectMany(p => p.Items));
        Assert.Equal(PagedPull.ToCursor(T0.AddMinutes(4)), pages[^1].Cursor);
    }

    [Fact]
    public async Task Without_an_end_marker_a_short_page_ends_the_pull()
    {
        var calls = new List<(int, DateTimeOffset?)>();

        var pages = await RunAsync(Cart(pages: 4, rows: 50, marksLast: false, calls), pageSize: 100);

        Assert.Single(pages);
    }

    [Fact]
    public async Task The_cursor_is_a_utc_instant_passed_back_as_the_updated_since_of_every_page()
    {
        var calls = new List<(int Page, DateTimeOffset? Since)>();
        var cursor = PagedPull.ToCursor(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(9)));

        var pages = await RunAsync(Cart(pages: 2, rows: 100, marksLast: true, calls), cursor);

        Assert.Equal("2026-01-01T00:00:00.0000000+00:00", cursor);
        Assert.Equal(2, pages.Count);
        Assert.All(calls, c => Assert.Equal(T0, c.Since));
    }

    [Fact]
    public async Task An_unreadable_cursor_pulls_everything()
    {
        var calls = new List<(int Page, DateTimeOffset? Since)>();

        await RunAsync(Cart(pages: 1, rows: 10, marksLast: true, calls), cursor: "2026/01/01");

        Assert.All(calls, c => Assert.Null(c.Since)); // pages fetched ahead included
    }
}
