namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>Small ecforce list responses in the wire shape (docs/carts/ecforce.md § Documents, paging and formats), with the odd bad row.</summary>
internal static class EcforceFixtures
{
    public const string Customers = """
        {
          "data": [
            { "id": "3172", "type": "customer",
              "attributes": { "id": 3172, "number": "6a54e6ebc5", "state": "member", "email": " Hanako@Example.jp ",
                "birth": "1990/04/01", "line_id": "U047bb1234567890abcdef1234567890", "created_at": "2017/07/19 00:48:39",
                "updated_at": "2019/06/08 05:47:17", "deleted_at": null },
              "relationships": { "billing_address": { "data": { "id": "88", "type": "address" } },
                                 "orders": { "data": [ { "id": "1", "type": "order" } ] } } },
            { "id": "3173", "type": "customer",
              "attributes": { "id": 3173, "email": "taro@example.jp", "birth": "0000/00/00", "updated_at": "2019/06/08 05:50:00" },
              "relationships": { "billing_address": { "data": { "id": "89", "type": "address" } } } },
            { "id": "", "type": "customer", "attributes": { "updated_at": "2019/06/08 06:00:00" } },
            { "id": "3175", "type": "customer", "attributes": { "updated_at": "2019/06/31 06:00:00" } }
          ],
          "included": [
            { "id": "88", "type": "address",
              "attributes": { "name01": "山田", "name02": "花子", "full_name": "山田 花子",
                "tel01": "０９０", "tel02": "１２３４", "tel03": "５６７８", "full_tel": "０９０-１２３４-５６７８" } },
            { "id": "89", "type": "address",
              "attributes": { "name01": "佐藤", "name02": "太郎", "tel01": "", "tel02": null, "tel03": "", "full_tel": "03-1234-5678" } }
          ],
          "meta": { "total_count": 4, "page": 1, "per": 100, "count": 4, "total_pages": 0 },
          "links": { "self": "https://shop.example.jp/api/v2/admin/customers.json?page=1&per=100" }
        }
        """;

    public const string Orders = """
        {
          "data": [
            { "id": "96704", "type": "order",
              "attributes": { "id": 96704, "number": "a905125d2a", "customer_id": 30962, "subs_order_id": 555, "times": 3,
                "total": "3980", "completed_at": "2019/06/08 05:47:17", "created_at": "2019/06/08 05:40:00",
                "shipped_at": "2019/06/10 12:00:00", "updated_at": "2019/06/10 12:00:01" },
              "relationships": { "customer": { "data": { "id": "30962", "type": "customer" } },
                                 "order_items": { "data": [ { "id": "1", "type": "order_item" }, { "id": "2", "type": "order_item" } ] } } },
            { "id": "96705", "type": "order",
              "attributes": { "number": "b1", "total": 799, "completed_at": null, "created_at": "2019-06-09 10:00:00",
                "shipped_at": "", "updated_at": "2019/06/10 12:00:02" },
              "relationships": { "customer": { "data": { "id": 777, "type": "customer" } }, "order_items": { "data": [] } } },
            { "id": "96706", "type": "order",
              "attributes": { "total": 100, "completed_at": "2019/06/09 10:00:00", "updated_at": "2019/06/10 12:00:03" },
              "relationships": { "customer": { "data": null } } },
            { "id": "96707", "type": "order",
              "attributes": { "customer_id": 1, "total": 100, "completed_at": "昨日", "updated_at": "2019/06/10 12:00:04" } },
            { "id": "96708", "type": "order",
              "attributes": { "customer_id": 1, "total": 100, "completed_at": "2019/06/09 10:00:00",
                "shipped_at": "2019/02/30 00:00:00", "updated_at": "2019/06/10 12:00:05" } }
          ],
          "included": [
            { "id": "1", "type": "order_item",
              "attributes": { "id": 1, "product_number": "SKN-SER-01T3", "product_name": "【定期便】ビタミンC美容液",
                "course_name": "定期便 3ヶ月コース", "price": 3980, "quantity": 1 } },
            { "id": "2", "type": "order_item",
              "attributes": { "id": 2, "product_number": "", "variant_sku": "GIFT-01", "product_name": "ギフト袋", "price": 0, "quantity": "2" } },
            { "id": "1", "type": "address", "attributes": { "tel01": "090" } }
          ],
          "meta": { "total_count": 5, "page": 1, "per": 100, "count": 5 }
        }
        """;

    public const string SubsOrders = """
        {
          "data": [
            { "id": "555", "type": "sub_order",
              "attributes": { "id": 555, "state": "active", "scheduled_to_be_shipped_at": "2019/07/01 00:00:00", "updated_at": "2019/06/10 12:00:00" },
              "relationships": { "customer": { "data": { "id": "30962", "type": "customer" } },
                                 "order_items": { "data": [ { "id": "10", "type": "order_item" } ] } } },
            { "id": "556", "type": "sub_order",
              "attributes": { "customer_id": 42, "state": "suspend", "scheduled_to_be_shipped_at": null, "updated_at": "2019/06/10 12:00:01" } },
            { "id": "557", "type": "sub_order", "attributes": { "state": "canceled", "updated_at": "2019/06/10 12:00:02" },
              "relationships": { "customer": { "data": { "id": "7", "type": "customer" } } } },
            { "id": "558", "type": "sub_order", "attributes": { "state": "paused_forever", "updated_at": "2019/06/10 12:00:03" },
              "relationships": { "customer": { "data": { "id": "8", "type": "customer" } } } },
            { "id": "559", "type": "sub_order", "attributes": { "state": "active", "updated_at": "2019/06/10 12:00:04" } }
          ],
          "included": [
            { "id": "10", "type": "order_item",
              "attributes": { "product_number": "SKN-SER-01T3", "product_name": "【定期便】ビタミンC美容液", "course_name": "定期便 3ヶ月コース" } }
          ]
        }
        """;

    /// <summary>
    /// Orders as ecforce's admin API lists them with their states: one confirmed, one cancelled (state canceled, payment
    /// voided), one whose payment alone was voided (取消済み), one complete order whose payment is only authorised.
    /// </summary>
    public const string OrdersWithStates = """
        {
          "data": [
            { "id": "97001", "type": "order",
              "attributes": { "id": 97001, "number": "c0ffee0001", "customer_id": 30962, "state": "complete", "human_state": "注文確定",
                "payment_state": "completed", "payment_human_state": "売上確定", "kind": "通常受注", "total": 5480,
                "completed_at": "2019/06/08 05:47:17", "updated_at": "2019/06/08 05:47:17" },
              "relationships": { "customer": { "data": { "id": "30962", "type": "customer" } } } },
            { "id": "97002", "type": "order",
              "attributes": { "id": 97002, "number": "c0ffee0002", "customer_id": 30962, "state": "canceled", "human_state": "キャンセル",
                "payment_state": "voided", "payment_human_state": "取消済み", "kind": "通常受注", "total": 3980,
                "completed_at": "2019/06/08 05:50:00", "updated_at": "2019/06/09 10:00:00" },
              "relationships": { "customer": { "data": { "id": "30962", "type": "customer" } } } },
            { "id": "97003", "type": "order",
              "attributes": { "id": 97003, "number": "c0ffee0003", "customer_id": 30962, "state": "complete", "human_state": "注文確定",
                "payment_state": "", "payment_human_state": "取消済み", "total": 2980,
                "completed_at": "2019/06/08 06:00:00", "updated_at": "2019/06/09 11:00:00" } },
            { "id": "97004", "type": "order",
              "attributes": { "id": 97004, "number": "c0ffee0004", "customer_id": 30962, "state": "complete", "human_state": "注文確定",
                "payment_state": "authed", "payment_human_state": "与信済み", "total": 4320,
                "completed_at": "2019/06/08 07:00:00", "updated_at": "2019/06/09 12:00:00" } }
          ],
          "meta": { "total_count": 4, "page": 1, "per": 100, "count": 4, "total_pages": 1 }
        }
        """;

    /// <summary>
    /// Subscription orders as ecforce lists them with include=order_items,customer: the row names its customer only by
    /// customer_number (no customer_id), the customer resource comes in included; plus a row naming a customer the
    /// response does not include, one with no customer key at all, and one without updated_at.
    /// </summary>
    public const string SubsOrdersByCustomerNumber = """
        {
          "data": [
            { "id": "4909", "type": "sub_order",
              "attributes": { "id": 4909, "number": "a2886ff4f2", "customer_number": "02ae6cdbef", "times": 1, "orders_count": 1,
                "state": "active", "human_state": "有効", "payment_schedule": "1ヶ月ごとの1日に配送",
                "scheduled_to_be_shipped_at": "2019/06/26 00:00:00", "link_number": "111",
                "created_at": "2019/06/08 05:47:20", "updated_at": "2019/06/08 05:47:20", "deleted_at": null },
              "relationships": { "order_items": { "data": [ { "id": "1185", "type": "order_item" } ] } } },
            { "id": "4910", "type": "sub_order",
              "attributes": { "id": 4910, "number": "b3997aa5a3", "customer_number": "ffffffffff", "state": "suspend",
                "updated_at": "2019/06/08 05:48:00" } },
            { "id": "4911", "type": "sub_order",
              "attributes": { "id": 4911, "number": "c4aa8bb6b4", "state": "active", "updated_at": "2019/06/08 05:49:00" } },
            { "id": "4912", "type": "sub_order",
              "attributes": { "id": 4912, "number": "d5bb9cc7c5", "customer_number": "02ae6cdbef", "state": "active",
                "created_at": "2019/06/08 05:50:00", "deleted_at": null } }
          ],
          "included": [
            { "id": "1185", "type": "order_item",
              "attributes": { "id": 1185, "product_number": "S-001", "product_name": "テスト商品（定期）", "variant_sku": "S-001-001",
                "course_name": "定期便 毎月お届けコース", "price": 250, "quantity": 1 } },
            { "id": "3172", "type": "customer",
              "attributes": { "id": 3172, "number": "02ae6cdbef", "state": "member", "updated_at": "2019/06/08 05:47:17" } }
          ],
          "meta": { "total_count": 4, "page": 1, "per": 100, "count": 4, "total_pages": 1 }
        }
        """;
}
