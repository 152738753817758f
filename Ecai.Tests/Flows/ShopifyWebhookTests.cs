using System.Net;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.Shopify;
using Ecai.Integrations.Carts.Shopify.Sandbox;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>Shopify webhooks and a pull through the whole app: signatures checked, redeliveries harmless, members linked by e-mail.</summary>
public sealed class ShopifyWebhookTests : IAsyncLifetime
{
    private const string Secret = "flow-api-secret";
    private readonly EcaiAppFactory _app = new();
    private ShopifyStore _store = null!;
    private SandboxServer<ShopifyStore> _sandbox = null!;
    private HttpClient _http = null!;
    private int _bot, _connection;

    public async Task InitializeAsync()
    {
        _store = new ShopifyStore(new ShopifyStoreOptions
        {
            Seed = 5, Customers = 120, Orders = 400, Checkouts = 40, ApiSecret = Secret,
            Start = DateTimeOffset.UtcNow.AddMonths(-6), Span = TimeSpan.FromDays(180),
        });
        _sandbox = await ShopifySandbox.StartAsync(_store);
        (_bot, _, _) = await _app.AddOperatorWithBotAsync("Shopifyフロー", "shopify-flow@example.jp");
        var connect = await _app.Services.GetRequiredService<CartConnections>().ConnectAsync(_bot, new ConnectRequest(CartKind.Shopify,
            "flow-shop.myshopify.com",
            new Dictionary<string, string?> { [CartSpec.AccessToken] = _store.Options.AccessToken, [CartSpec.ApiSecret] = Secret },
            ApiDomain: _sandbox.BaseUrl, SubscriptionTagsSince: _store.SubscriptionTagsSince), CancellationToken.None);
        Assert.True(connect.Succeeded, string.Join(" ", connect.Errors.Values));
        _connection = connect.ConnectionId!.Value;
        _http = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>A customer with an e-mail and a new paid order of theirs; the member's e-mail is typed differently.</summary>
    private async Task<(int CustomerIndex, int OrderIndex, long MemberId)> PaidOrderOfAMemberAsync(int from = 0)
    {
        var customer = Enumerable.Range(from, _store.CustomerCount - from).First(i => _store.CustomerEmail(i) is not null);
        var order = _store.AddOrder(customer, "TEA-HRB-01");
        await _app.Services.GetRequiredService<MemberImport>().AddAsync(_bot,
            [new NewMember($"U{customer:D32}", "会員", DateTimeOffset.UtcNow, Email: "  " + _store.CustomerEmail(customer)!.ToUpperInvariant())], CancellationToken.None);
        await using var db = await _app.Db.CreateDbContextAsync();
        var member = await db.Members.SingleAsync(m => m.BotId == _bot && m.LineUserId == $"U{customer:D32}");
        return (customer, order, member.Id);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string topic, byte[] body, string webhookId, string? secret = Secret, int? connectionId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/carts/shopify/webhook/{connectionId ?? _connection}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (secret is not null) request.Headers.Add(ShopifyWebhooks.HmacHeader, ShopifyWebhooks.Sign(body, secret));
        request.Headers.Add(ShopifyWebhooks.TopicHeader, topic);
        request.Headers.Add(ShopifyWebhooks.WebhookIdHeader, webhookId);
        request.Headers.Add(ShopifyWebhooks.ShopDomainHeader, "flow-shop.myshopify.com");
        return await _http.SendAsync(request);
    }

    private static string OrderId(int index) => (5_600_000_001L + index).ToString();

    private async Task<List<string>> StoredOrderIdsAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return await db.CartOrders.Where(o => o.ConnectionId == _connection).Select(o => o.ExternalId).ToListAsync();
    }

    [Fact]
    public async Task A_signed_orders_create_stores_the_order_and_links_the_member_by_email()
    {
        var (customer, order, member) = await PaidOrderOfAMemberAsync();

        using var response = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", order)!, "wh-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([OrderId(order)], await StoredOrderIdsAsync());
        await using var db = await _app.Db.CreateDbContextAsync();
        var cartCustomer = await db.CartCustomers.SingleAsync(c => c.ConnectionId == _connection);
        Assert.Equal(ShopifyStore.CustomerId(customer), cartCustomer.ExternalId);
        Assert.Equal(EmailNormalizer.Normalize(_store.CustomerEmail(customer)), cartCustomer.EmailNormalized);
        Assert.Equal(member, (await db.CartLinks.SingleAsync(l => l.BotId == _bot)).MemberId);
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing()
    {
        var (_, order, _) = await PaidOrderOfAMemberAsync();
        var body = ShopifySandbox.WebhookBody(_store, "orders/create", order)!;

        using var wrongSecret = await DeliverAsync("orders/create", body, "wh-bad-1", secret: "another-app-secret");
        using var missing = await DeliverAsync("orders/create", body, "wh-bad-2", secret: null);
        var tampered = (byte[])body.Clone();
        tampered[^2] ^= 1;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/carts/shopify/webhook/{_connection}") { Content = new ByteArrayContent(tampered) };
        request.Headers.Add(ShopifyWebhooks.HmacHeader, ShopifyWebhooks.Sign(body, Secret));
        request.Headers.Add(ShopifyWebhooks.TopicHeader, "orders/create");
        request.Headers.Add(ShopifyWebhooks.WebhookIdHeader, "wh-bad-3");
        using var changed = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
        Assert.Empty(await StoredOrderIdsAsync());
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.Equal(0, await db.WebhookReceipts.CountAsync());
        Assert.Equal(0, await db.CartLinks.CountAsync());
    }

    [Fact]
    public async Task The_same_webhook_id_twice_is_stored_once()
    {
        var (_, first, _) = await PaidOrderOfAMemberAsync();
        var (_, second, _) = await PaidOrderOfAMemberAsync(from: 10);

        using var delivered = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", first)!, "wh-same");
        // A redelivery carries the same id; a different body proves the id alone decides.
        using var redelivered = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", second)!, "wh-same");

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal([OrderId(first)], await StoredOrderIdsAsync());
    }

    [Fact]
    public async Task An_unknown_connection_is_404()
    {
        using var response = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", 0)!, "wh-404", connectionId: 99_999);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_checkouts_create_stores_the_abandoned_checkout()
    {
        var index = _store.AddCheckout(3, "OIL-CLN-01");

        using var response = await DeliverAsync("checkouts/create", ShopifySandbox.WebhookBody(_store, "checkouts/create", index)!, "wh-checkout");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await _app.Db.CreateDbContextAsync();
        var checkout = await db.CartCheckouts.SingleAsync(c => c.ConnectionId == _connection);
        Assert.Equal(EmailNormalizer.Normalize(_store.CustomerEmail(3)), checkout.EmailNormalized);
        Assert.Null(checkout.CompletedAt);
        Assert.Empty(await StoredOrderIdsAsync());
    }

    [Fact]
    public async Task A_pull_imports_customers_orders_subscriptions_and_checkouts_and_links_members_without_orders()
    {
        var withoutOrders = Enumerable.Range(0, _store.CustomerCount).First(i => !_store.CustomerHasOrders(i) && _store.CustomerEmail(i) is not null);
        await _app.Services.GetRequiredService<MemberImport>().AddAsync(_bot,
            [new NewMember("Unoorders0000000000000000000000000", "注文なし", DateTimeOffset.UtcNow, Email: _store.CustomerEmail(withoutOrders))], CancellationToken.None);

        var result = await _app.Services.GetRequiredService<CartSync>().PullBotAsync(_bot, new NoProgress(), CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(_store.CustomerCount, result.Customers);
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.CartOrders.CountAsync(o => o.ConnectionId == _connection) < _store.OrderCount);
        Assert.Equal(_store.CheckoutCount, await db.CartCheckouts.CountAsync(c => c.ConnectionId == _connection));
        var statuses = await db.CartSubscriptions.Where(s => s.ConnectionId == _connection).Select(s => s.Status).Distinct().ToListAsync();
        Assert.Equal([ContinuationStatus.Active, ContinuationStatus.Paused, ContinuationStatus.Cancelled], statuses.Order());
        Assert.True(await db.CartOrders.AnyAsync(o => o.ConnectionId == _connection && o.DeliveryMethod == "ヤマト運輸"));
        var member = await db.Members.SingleAsync(m => m.LineUserId == "Unoorders0000000000000000000000000");
        Assert.True(await db.CartLinks.AnyAsync(l => l.MemberId == member.Id));
        var connection = await db.CartConnections.SingleAsync(c => c.Id == _connection);
        Assert.NotNull(connection.CheckoutCursor);
        Assert.NotNull(connection.OrderCursor);
    }

    private async Task<MemberPurchaseHistory> PurchasesAsync(long member) =>
        await _app.Services.GetRequiredService<MemberPurchases>().GetAsync(member, CancellationToken.None);

    private async Task<long> BuyersAsync() =>
        await _app.Services.GetRequiredService<MemberSearch>().CountAsync(_bot, new MemberFilter { PurchaseCountMin = 1 }, CancellationToken.None);

    [Fact]
    public async Task Orders_updated_after_a_partial_refund_counts_the_remainder_and_orders_cancelled_stops_counting()
    {
        var (_, order, member) = await PaidOrderOfAMemberAsync();
        using var created = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", order)!, "wh-life-1");
        Assert.Equal((1, 1980L), ((await PurchasesAsync(member)).OrderCount, (await PurchasesAsync(member)).OrderTotal));
        Assert.Equal(1, await BuyersAsync());

        _store.RefundOrder(order, 980);
        using var updated = await DeliverAsync("orders/updated", ShopifySandbox.WebhookBody(_store, "orders/updated", order)!, "wh-life-2");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var partial = await PurchasesAsync(member);
        Assert.Equal((1, 1000L), (partial.OrderCount, partial.OrderTotal));

        _store.CancelOrder(order);
        using var cancelled = await DeliverAsync("orders/cancelled", ShopifySandbox.WebhookBody(_store, "orders/cancelled", order)!, "wh-life-3");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var after = await PurchasesAsync(member);
        Assert.Equal((0, 0L), (after.OrderCount, after.OrderTotal));
        Assert.True(Assert.Single(after.Recent).Cancelled);
        Assert.Equal(0, await BuyersAsync());
    }

    [Fact]
    public async Task Orders_updated_for_a_full_refund_of_an_imported_order_stops_it_counting()
    {
        var (_, order, member) = await PaidOrderOfAMemberAsync();
        using var created = await DeliverAsync("orders/create", ShopifySandbox.WebhookBody(_store, "orders/create", order)!, "wh-refund-1");
        _store.RefundOrder(order);

        using var updated = await DeliverAsync("orders/updated", ShopifySandbox.WebhookBody(_store, "orders/updated", order)!, "wh-refund-2");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(0, (await PurchasesAsync(member)).OrderCount);
        Assert.Equal(0, await BuyersAsync());
    }

    [Fact]
    public async Task A_late_redelivery_of_an_older_order_state_does_not_undo_a_cancellation()
    {
        var (_, order, member) = await PaidOrderOfAMemberAsync();
        var createdBody = ShopifySandbox.WebhookBody(_store, "orders/create", order)!;
        _store.CancelOrder(order);
        using var cancelled = await DeliverAsync("orders/cancelled", ShopifySandbox.WebhookBody(_store, "orders/cancelled", order)!, "wh-late-1");

        // Shopify retries a failed delivery for hours with its original payload: orders/create arrives last.
        using var late = await DeliverAsync("orders/create", createdBody, "wh-late-2");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var history = await PurchasesAsync(member);
        Assert.Equal(0, history.OrderCount);
        Assert.True(Assert.Single(history.Recent).Cancelled);
    }

    [Fact]
    public async Task Orders_cancelled_and_updated_are_signature_checked_like_every_topic()
    {
        var (_, order, _) = await PaidOrderOfAMemberAsync();
        _store.CancelOrder(order);
        var body = ShopifySandbox.WebhookBody(_store, "orders/cancelled", order)!;

        using var cancelled = await DeliverAsync("orders/cancelled", body, "wh-sig-1", secret: "another-app-secret");
        using var updated = await DeliverAsync("orders/updated", body, "wh-sig-2", secret: null);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (cancelled.StatusCode, updated.StatusCode));
        Assert.Empty(await StoredOrderIdsAsync());
    }

    private sealed class NoProgress : IJobProgress
    {
        public long JobRunId => 0;
        public void Report(long done, long? total, string? stage = null) { }
    }
}
