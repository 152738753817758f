using System.Globalization;
using System.Text.Json;

namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>Writes one OrderModel as getOrder version 7 does (the fields of docs/carts/rakuten.md § Orders).</summary>
internal static class RakutenSandboxWriter
{
    public static void WriteOrder(Utf8JsonWriter w, OrderRow o, CustomerRow c, int malformation)
    {
        w.WriteStartObject();
        w.WriteString("orderNumber", o.Number);
        w.WriteNumber("orderProgress", o.Progress);
        w.WriteNull("subStatusId");
        w.WriteNull("subStatusName");
        w.WriteString("orderDatetime", malformation == 1 ? "2026-13-45T99:00:00+0900" : RakutenTime.ToWire(o.OrderedAt));
        WriteTimeOrNull(w, "shopOrderCfmDatetime", o.Progress >= 300 ? o.OrderedAt.AddHours(2) : null);
        WriteTimeOrNull(w, "orderFixDatetime", o.Progress >= 300 ? o.OrderedAt.AddHours(3) : null);
        WriteTimeOrNull(w, "shippingInstDatetime", o.ShippedOn is not null ? o.OrderedAt.AddHours(5) : null);
        WriteTimeOrNull(w, "shippingCmplRptDatetime", o.ShippedOn is { } shipped ? Ecai.Domain.Time.JapanTime.At(shipped, new TimeOnly(18, 0)) : null);
        w.WriteNull("cancelDueDate");
        w.WriteString("deliveryDate", o.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("shippingTerm", o.ShippingTerm);
        w.WriteNumber("orderType", o.OrderType);
        if (o.ReserveNumber is null) w.WriteNull("reserveNumber"); else w.WriteString("reserveNumber", o.ReserveNumber);
        if (o.ReserveDeliveryCount is { } count) w.WriteNumber("reserveDeliveryCount", count); else w.WriteNull("reserveDeliveryCount");
        w.WriteNumber("rakutenMemberFlag", 1);
        w.WriteNumber("goodsPrice", o.Goods);
        w.WriteNumber("goodsTax", -9999); // [C] often not fixed; ECAI does not read it
        w.WriteNumber("postagePrice", o.Postage);
        w.WriteNumber("deliveryPrice", 0);
        w.WriteNumber("paymentCharge", 0);
        w.WriteNumber("totalPrice", o.Total);
        w.WriteNumber("requestPrice", o.Total);
        w.WriteNumber("couponAllTotalPrice", 0);
        w.WriteString("remarks", "");

        if (malformation != 2)
        {
            w.WriteStartObject("OrdererModel");
            w.WriteString("zipCode1", c.Zip1);
            w.WriteString("zipCode2", c.Zip2);
            w.WriteString("prefecture", c.Prefecture);
            w.WriteString("city", c.City);
            w.WriteString("subAddress", c.SubAddress);
            w.WriteString("familyName", c.FamilyName);
            w.WriteString("firstName", c.FirstName);
            w.WriteString("familyNameKana", "");
            w.WriteString("firstNameKana", "");
            WriteStringOrNull(w, "phoneNumber1", c.Phone1);
            WriteStringOrNull(w, "phoneNumber2", c.Phone2);
            WriteStringOrNull(w, "phoneNumber3", c.Phone3);
            w.WriteString("emailAddress", c.Email);
            w.WriteString("sex", "");
            w.WriteNull("birthYear");
            w.WriteNull("birthMonth");
            w.WriteNull("birthDay");
            w.WriteEndObject();
        }

        w.WriteStartObject("SettlementModel");
        w.WriteNumber("settlementMethodCode", 1);
        w.WriteString("settlementMethod", "クレジットカード");
        w.WriteNumber("rpaySettlementFlag", 1);
        w.WriteEndObject();

        w.WriteStartArray("PackageModelList");
        w.WriteStartObject();
        w.WriteNumber("basketId", o.Seq * 10);
        w.WriteNumber("postagePrice", o.Postage);
        w.WriteNumber("goodsPrice", o.Goods);
        w.WriteNumber("totalPrice", o.Total);
        w.WriteStartArray("ItemModelList");
        for (var k = 0; k < o.Items.Length; k++)
        {
            var item = o.Items[k];
            w.WriteStartObject();
            w.WriteNumber("itemDetailId", o.Seq * 10 + k);
            w.WriteString("itemName", item.Product.Name);
            w.WriteNumber("itemId", 10_000 + item.Product.ItemNumber.Length);
            w.WriteString("itemNumber", item.Product.ItemNumber);
            w.WriteString("manageNumber", item.Product.ManageNumber);
            w.WriteNumber("price", item.Product.Price);
            w.WriteNumber("units", item.Units);
            w.WriteNumber("includeTaxFlag", 1);
            w.WriteNumber("includePostageFlag", 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ShippingModelList");
        if (o.ShippedOn is { } on)
        {
            w.WriteStartObject();
            w.WriteNumber("shippingDetailId", o.Seq * 10);
            w.WriteString("shippingNumber", (o.Seq * 7919 % 1_000_000_000_000).ToString("D12", CultureInfo.InvariantCulture));
            w.WriteString("deliveryCompany", o.DeliveryCompany);
            w.WriteString("deliveryCompanyName", o.DeliveryCompany switch { "1001" => "ヤマト運輸", "1002" => "佐川急便", "1003" => "日本郵便", _ => "その他" });
            w.WriteString("shippingDate", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTimeOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v) w.WriteString(name, RakutenTime.ToWire(v));
        else w.WriteNull(name);
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
