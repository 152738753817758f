namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>Small リピスト list responses in the modelled [I] wire shape, with the odd bad row.</summary>
internal static class RepeatstFixtures
{
    public const string Customers = """
        {
          "status": "ok", "total_count": 4, "page": 1, "limit": 200, "has_next": false,
          "customers": [
            { "customer_id": 501, "customer_code": "C00000501", "name1": "山田", "name2": "花子", "tel": "０９０－１２３４－５６７８",
              "mail": "hanako@example.jp", "birthday": "1990-04-01", "updated_at": "2026-01-31 18:15:00" },
            { "customer_id": "502", "name1": "佐藤", "name2": "", "tel": "03-1234-5678", "birthday": "0000-00-00",
              "updated_at": "2026-01-31 18:20:00" },
            { "customer_id": null, "updated_at": "2026-01-31 19:00:00" },
            { "customer_id": 504, "updated_at": "2026-02-30 10:00:00" }
          ]
        }
        """;

    public const string Orders = """
        {
          "status": "ok", "total_count": 3, "page": 2, "limit": 200, "has_next": true,
          "orders": [
            { "order_id": 9001, "order_code": "R00009001", "customer_id": 501, "purchase_datetime": "2026-01-31 18:15:00",
              "total_amount": 2916, "shipping_date": "2026-02-02", "teiki_id": 77, "teiki_count": 3, "cancel_flag": 0,
              "updated_at": "2026-02-02 09:00:00",
              "details": [ { "product_code": "AOJIRU-30-T", "product_name": "【定期】国産大麦若葉の青汁 30包",
                             "course_name": "青汁 毎月お届けコース", "quantity": 1, "price": 2916 } ] },
            { "order_id": 9002, "customer_id": 502, "purchase_datetime": "2026-02-01 10:00:00", "total_amount": 7140,
              "shipping_date": null, "teiki_id": null, "teiki_count": null, "cancel_flag": 1, "updated_at": "2026-02-01 10:00:00",
              "details": [ { "product_code": "KOSO-500", "product_name": "植物発酵酵素ドリンク 500mL", "course_name": null, "quantity": 1, "price": 4980 },
                           { "product_code": "LACTO-60", "product_name": "乳酸菌サプリ 60粒", "quantity": 2, "price": 1080 } ] },
            { "order_id": 9003, "customer_id": 501, "purchase_datetime": "2026-02-01 11:00:00", "total_amount": 100,
              "shipping_date": "未定", "updated_at": "2026-02-01 11:00:00", "details": [] }
          ]
        }
        """;

    public const string Teikis = """
        {
          "status": "ok", "total_count": 5, "page": 1, "limit": 200, "has_next": false,
          "teiki_orders": [
            { "teiki_id": 77, "customer_id": 501, "status": "継続", "product_code": "AOJIRU-30-T", "course_name": "青汁 毎月お届けコース",
              "next_shipping_date": "2026-03-02", "teiki_count": 3, "updated_at": "2026-02-02 09:00:00" },
            { "teiki_id": 78, "customer_id": 502, "status": "一時停止", "product_code": "KOSO-500-T", "next_shipping_date": null,
              "updated_at": "2026-02-02 09:01:00" },
            { "teiki_id": 79, "customer_id": 503, "status": "解約済", "product_code": "LACTO-60-T2", "updated_at": "2026-02-02 09:02:00" },
            { "teiki_id": 80, "customer_id": 504, "status": "休会中", "product_code": "LACTO-60-T2", "updated_at": "2026-02-02 09:03:00" },
            { "teiki_id": 81, "customer_id": 505, "status": "継続", "next_shipping_date": "03/02", "updated_at": "2026-02-02 09:04:00" }
          ]
        }
        """;
}
