namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>Small サブスクストア list responses in the modelled [I] wire shape, with the odd bad row.</summary>
internal static class SubscStoreFixtures
{
    public const string Customers = """
        {
          "items": [
            { "customerId": "1001", "lastName": "鈴木", "firstName": "一郎", "tel": "+81 80-1111-2222", "email": "ichiro@example.com",
              "birthDate": "1985-12-24", "updatedAt": "2026-01-31T18:15:00+09:00" },
            { "customerId": "1002", "lastName": "高橋", "tel": null, "birthDate": null, "updatedAt": "2026-01-31T09:20:00Z" },
            { "customerId": " ", "updatedAt": "2026-01-31T19:00:00+09:00" }
          ],
          "pagination": { "currentPage": 3, "perPage": 100, "totalPages": 3, "totalCount": 203 }
        }
        """;

    public const string Orders = """
        {
          "items": [
            { "orderId": "5001", "orderNo": "SS-0005001", "customerId": "1001", "orderedAt": "2026-01-31T18:15:00+09:00",
              "totalPrice": 4980, "purchaseCount": 4, "subscriptionId": "301", "subscriptionProductCode": "TK-COF-01",
              "subscriptionProductName": "【定期】コーヒー毎月便", "canceled": false, "shippedAt": "2026-02-01T10:00:00+09:00",
              "updatedAt": "2026-02-01T10:00:00+09:00",
              "lineItems": [ { "productCode": "COF-DRIP-30", "productName": "スペシャルティコーヒー ドリップバッグ 30袋", "quantity": 1, "unitPrice": 4980 } ] },
            { "orderId": "5002", "customerId": "1002", "orderedAt": "2026-02-01T12:00:00+09:00", "totalPrice": "3510",
              "purchaseCount": null, "subscriptionId": null, "canceled": true, "shippedAt": "soon", "updatedAt": "2026-02-01T12:00:00+09:00",
              "lineItems": [ { "productCode": "TEA-ROOIBOS-30", "productName": "オーガニックルイボスティー 30包", "quantity": 1, "unitPrice": 2480 },
                             { "productCode": "COF-DRIP-10", "productName": "スペシャルティコーヒー ドリップバッグ 10袋", "quantity": 1, "unitPrice": 1030 } ] },
            { "orderId": "5003", "customerId": "1001", "orderedAt": "2026-02-01T13:00:00+09:00", "totalPrice": 100,
              "updatedAt": "2026-02-01T13:00:00+09:00", "lineItems": [ { "productName": "コードのない商品" } ] }
          ],
          "pagination": { "currentPage": 1, "perPage": 100, "totalPages": 2, "totalCount": 103 }
        }
        """;

    public const string Subscriptions = """
        {
          "items": [
            { "subscriptionId": "301", "customerId": "1001", "status": "継続", "subscriptionProductCode": "TK-COF-01",
              "subscriptionProductName": "【定期】コーヒー毎月便", "productCode": "COF-DRIP-30", "nextDeliveryDate": "2026-03-01",
              "purchaseCount": 4, "updatedAt": "2026-02-01T10:00:00+09:00" },
            { "subscriptionId": "302", "customerId": "1002", "status": "停止", "subscriptionProductCode": "TK-TEA-02",
              "productCode": "TEA-ROOIBOS-30", "updatedAt": "2026-02-01T10:01:00+09:00" },
            { "subscriptionId": "303", "customerId": "1003", "status": "終了", "subscriptionProductCode": "TK-PRO-01",
              "subscriptionProductName": "【定期】プロテイン毎月便 10%OFF", "updatedAt": "2026-02-01T10:02:00+09:00" },
            { "subscriptionId": "304", "customerId": "1004", "status": "一時停止", "updatedAt": "2026-02-01T10:03:00+09:00" },
            { "subscriptionId": "305", "status": "継続", "updatedAt": "2026-02-01T10:04:00+09:00" }
          ],
          "pagination": { "currentPage": 1, "perPage": 100, "totalPages": 1, "totalCount": 5 }
        }
        """;
}
