namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>getOrder (version 7) bodies shaped like docs/carts/rakuten.md § Orders, with the cases the mapper must handle.</summary>
internal static class RakutenFixtures
{
    public const string GetOrder = """
        {
          "MessageModelList": [
            { "messageType": "INFO", "messageCode": "ORDER_EXT_API_GET_ORDER_INFO_101", "message": "受注情報取得に成功しました。" }
          ],
          "OrderModelList": [
            {
              "orderNumber": "123456-20260110-00000001",
              "orderProgress": 500,
              "orderDatetime": "2026-01-10T21:15:30+0900",
              "shopOrderCfmDatetime": "2026-01-11T09:00:00+0900",
              "orderFixDatetime": "2026-01-11T10:00:00+0900",
              "shippingCmplRptDatetime": "2026-01-13T18:00:00+0900",
              "orderType": 1,
              "reserveNumber": null,
              "reserveDeliveryCount": null,
              "goodsPrice": 7960, "goodsTax": -9999, "postagePrice": 660, "totalPrice": 8620,
              "OrdererModel": {
                "familyName": "山田", "firstName": "花子", "familyNameKana": "ヤマダ", "firstNameKana": "ハナコ",
                "phoneNumber1": "090", "phoneNumber2": "1234", "phoneNumber3": "5678",
                "emailAddress": "abcd1234@pc.fw.rakuten.ne.jp",
                "birthYear": 1990, "birthMonth": 4, "birthDay": 1
              },
              "PackageModelList": [
                {
                  "basketId": 1,
                  "ItemModelList": [
                    { "itemName": "国産大麦若葉の青汁 30包", "itemNumber": "aojiru-30", "manageNumber": "aojiru-30", "price": 3980, "units": 2 }
                  ],
                  "ShippingModelList": [
                    { "shippingNumber": "111122223333", "deliveryCompany": "1002", "shippingDate": "2026-01-13" },
                    { "shippingNumber": "111122224444", "deliveryCompany": "1001", "shippingDate": "2026-01-12" }
                  ]
                }
              ]
            },
            {
              "orderNumber": "123456-20260201-00000002",
              "orderProgress": 300,
              "orderDatetime": "2026-02-01T08:00:00+0900",
              "orderType": 4,
              "reserveNumber": "123456-T00000042",
              "reserveDeliveryCount": 3,
              "goodsPrice": 3580, "postagePrice": 0, "totalPrice": 3580,
              "OrdererModel": {
                "familyName": "佐藤", "firstName": "太郎",
                "phoneNumber1": "09098765432", "phoneNumber2": null, "phoneNumber3": null,
                "emailAddress": " WXYZ9876@pc.fw.rakuten.ne.jp "
              },
              "PackageModelList": [
                { "ItemModelList": [ { "itemName": "【定期購入】国産大麦若葉の青汁 30包", "manageNumber": "teikei-aojiru", "price": 3580, "units": 1 } ],
                  "ShippingModelList": [] }
              ]
            },
            {
              "orderNumber": "123456-20260202-00000003",
              "orderProgress": 900,
              "orderDatetime": "2026-02-02T08:00:00+0900",
              "orderType": 4,
              "reserveNumber": "123456-T00000042",
              "reserveDeliveryCount": 4,
              "goodsPrice": 3580, "postagePrice": 0, "totalPrice": 3580,
              "OrdererModel": { "familyName": "佐藤", "firstName": "太郎", "phoneNumber1": "090", "phoneNumber2": "98765432", "phoneNumber3": null,
                                "emailAddress": "wxyz9876@pc.fw.rakuten.ne.jp" },
              "PackageModelList": [
                { "ItemModelList": [ { "itemName": "【定期購入】国産大麦若葉の青汁 30包", "manageNumber": "teikei-aojiru", "price": 3580, "units": 1 } ] }
              ]
            },
            {
              "orderNumber": "123456-20260203-00000004",
              "orderProgress": 100,
              "orderDatetime": "2026-02-03T12:00:00+0900",
              "orderType": 1,
              "goodsPrice": 2480, "postagePrice": -9999, "totalPrice": -9999,
              "OrdererModel": { "familyName": "鈴木", "firstName": "一郎", "phoneNumber1": "03", "phoneNumber2": "1234", "phoneNumber3": "5678",
                                "emailAddress": "efgh5678@pc.fw.rakuten.ne.jp" },
              "PackageModelList": [
                { "ItemModelList": [ { "itemName": "コラーゲンゼリー 14本入り", "manageNumber": "collagen-jelly", "price": 2480, "units": 1 } ],
                  "ShippingModelList": [ { "deliveryCompany": 1003, "shippingDate": null } ] }
              ]
            },
            {
              "orderNumber": "123456-20260204-00000005",
              "orderProgress": 100,
              "orderDatetime": "2026-02-04T12:00:00+0900",
              "orderType": 1,
              "goodsPrice": -9999, "postagePrice": -9999, "totalPrice": -9999,
              "OrdererModel": { "familyName": "高橋", "firstName": "", "phoneNumber1": null, "phoneNumber2": null, "phoneNumber3": null, "emailAddress": null },
              "PackageModelList": [
                { "ItemModelList": [
                    { "itemName": "無添加せっけん 100g", "manageNumber": "soap-bar", "price": 1320, "units": 2 },
                    { "itemName": "保湿化粧水 200ml", "manageNumber": null, "itemNumber": "lotion-200", "price": 3300, "units": null }
                ] },
                { "ItemModelList": [], "ShippingModelList": [ { "deliveryCompany": "1000", "shippingDate": "2026-02-06" } ] }
              ]
            },
            {
              "orderNumber": "123456-20260205-00000006",
              "orderProgress": 100,
              "orderDatetime": "2026-13-45T99:00:00+0900",
              "OrdererModel": { "familyName": "田中", "firstName": "次郎", "emailAddress": "ijkl0000@pc.fw.rakuten.ne.jp" }
            },
            {
              "orderNumber": "123456-20260206-00000007",
              "orderProgress": 100,
              "orderDatetime": "2026-02-06T12:00:00+0900"
            },
            {
              "orderNumber": "123456-20260207-00000008",
              "orderProgress": 500,
              "orderDatetime": "2026-02-07T12:00:00+0900",
              "OrdererModel": { "familyName": "伊藤", "firstName": "三郎", "emailAddress": "mnop1111@pc.fw.rakuten.ne.jp" },
              "PackageModelList": [ { "ShippingModelList": [ { "deliveryCompany": "1001", "shippingDate": "2026/02/31" } ] } ]
            },
            {
              "orderNumber": "   ",
              "orderDatetime": "2026-02-08T12:00:00+0900"
            }
          ],
          "version": 7
        }
        """;

    /// <summary>
    /// getOrder orders with a requested delivery (お届け日時): deliveryDate and shippingTerm as RMS sends them — a hhhh slot,
    /// 午前 (1), no slot (0), "other" (9) — and one whose date is unreadable.
    /// </summary>
    public const string GetOrderWithDelivery = """
        {
          "MessageModelList": [ { "messageType": "INFO", "messageCode": "ORDER_EXT_API_GET_ORDER_INFO_101", "message": "受注情報取得に成功しました。" } ],
          "OrderModelList": [
            { "orderNumber": "123456-20261201-00000011", "orderProgress": 300, "orderDatetime": "2026-12-01T10:00:00+0900",
              "deliveryDate": "2026-12-10", "shippingTerm": 1214, "orderType": 1,
              "goodsPrice": 3980, "postagePrice": 0, "totalPrice": 3980,
              "OrdererModel": { "familyName": "山田", "firstName": "花子", "phoneNumber1": "090", "phoneNumber2": "1234", "phoneNumber3": "5678",
                "emailAddress": "abcd1234@pc.fw.rakuten.ne.jp" },
              "PackageModelList": [ { "basketId": 11, "ItemModelList": [ { "itemName": "青汁", "manageNumber": "aojiru-30", "price": 3980, "units": 1 } ],
                "ShippingModelList": [] } ] },
            { "orderNumber": "123456-20261201-00000012", "orderProgress": 100, "orderDatetime": "2026-12-01T11:00:00+0900",
              "deliveryDate": "2026-12-05", "shippingTerm": "1", "orderType": 1, "goodsPrice": 3980, "postagePrice": -9999, "totalPrice": -9999,
              "OrdererModel": { "familyName": "佐藤", "firstName": "太郎", "emailAddress": "wxyz9876@pc.fw.rakuten.ne.jp" },
              "PackageModelList": [] },
            { "orderNumber": "123456-20261201-00000013", "orderProgress": 100, "orderDatetime": "2026-12-01T12:00:00+0900",
              "deliveryDate": "2026-12-06", "shippingTerm": 0, "orderType": 1, "totalPrice": 1000,
              "OrdererModel": { "familyName": "鈴木", "emailAddress": "s@pc.fw.rakuten.ne.jp" }, "PackageModelList": [] },
            { "orderNumber": "123456-20261201-00000014", "orderProgress": 100, "orderDatetime": "2026-12-01T13:00:00+0900",
              "deliveryDate": null, "shippingTerm": 9, "orderType": 1, "totalPrice": 1000,
              "OrdererModel": { "familyName": "高橋", "emailAddress": "t@pc.fw.rakuten.ne.jp" }, "PackageModelList": [] },
            { "orderNumber": "123456-20261201-00000015", "orderProgress": 100, "orderDatetime": "2026-12-01T14:00:00+0900",
              "deliveryDate": "2026-13-40", "shippingTerm": 2400, "orderType": 1, "totalPrice": 1000,
              "OrdererModel": { "familyName": "田中", "emailAddress": "u@pc.fw.rakuten.ne.jp" }, "PackageModelList": [] }
          ],
          "version": 7
        }
        """;
}
