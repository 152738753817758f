using Ecai.Domain.Carts;

namespace Ecai.Tests.Support;

/// <summary>Short builders for cart records in domain tests.</summary>
public static class CartRecords
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static CartCustomerRecord Customer(string id, string? phone = null, string? email = null, string? lineId = null,
        DateOnly? birthday = null, int minute = 0) =>
        new(id, "C" + id, "顧客" + id, phone, email, lineId, birthday, T0.AddMinutes(minute));

    public static CartOrderRecord Order(string id, string customerId, int minute = 0, long amount = 3980, string product = "P-001",
        DateTimeOffset? shippedAt = null) =>
        new(id, customerId, "N" + id, T0.AddMinutes(minute), amount, shippedAt, null, 1,
            [new CartOrderItemRecord(product, "商品" + product, null, 1, amount)], T0.AddMinutes(minute));
}
