using Bunit;
using Ecai.Domain.Carts;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Web.Components.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Tests.Web.Components;

/// <summary>会員詳細 for a member linked to a 楽天RMS buyer: deep links into RMS 受注管理 and the お届け日時 the buyer asked for.</summary>
public sealed class MemberDetailRakutenTests : ComponentTest
{
    protected override void AddServices(IServiceCollection services) => services.AddRakutenCart();

    [Fact]
    public async Task A_rakuten_buyer_links_to_its_newest_order_in_rms_and_each_order_shows_its_requested_delivery()
    {
        var bot = await SignedInBotAsync();
        var connection = await Seed.ConnectionAsync(bot, CartKind.RakutenRms, domain: "www.rakuten.co.jp/shop-example");
        await Services.GetRequiredService<MemberImport>().AddAsync(bot, [new NewMember("Ubuyer", "山田花子", Now.AddDays(-3))], CancellationToken.None);
        long member;
        await using (var db = Db.CreateDbContext())
        {
            member = await db.Members.Select(m => m.Id).SingleAsync();
            var customer = new CartCustomer
            {
                ConnectionId = connection, BotId = bot, ExternalId = "abcd1234@pc.fw.rakuten.ne.jp", Number = "abcd1234@pc.fw.rakuten.ne.jp",
                Name = "山田 花子", UpdatedAt = Now,
            };
            db.CartCustomers.Add(customer);
            foreach (var (number, days, date, slot) in new[] { ("123456-20261120-00000001", 10, (DateOnly?)null, (string?)null),
                                                               ("123456-20261125-00000002", 5, new DateOnly(2026, 12, 10), "14:00-16:00") })
            {
                db.CartOrders.Add(new CartOrder
                {
                    ConnectionId = connection, ExternalId = number, Number = number, CustomerExternalId = customer.ExternalId,
                    OrderedAt = Now.AddDays(-days), Amount = 3980, UpdatedAt = Now, DeliveryDate = date, DeliveryTime = slot,
                    Items = [new CartOrderItem { ConnectionId = connection, OrderExternalId = number, LineNo = 1, ProductCode = "aojiru-30", ProductName = "青汁" }],
                });
            }
            await db.SaveChangesAsync();
            db.CartLinks.Add(new Ecai.Domain.Linking.CartLink
            {
                BotId = bot, MemberId = member, CartCustomerId = customer.Id, ConnectionId = connection, CustomerExternalId = customer.ExternalId,
                Key = Ecai.Domain.Linking.LinkKey.Phone, LinkedAt = Now,
            });
            await db.SaveChangesAsync();
        }

        var page = Render<MemberDetailPage>(p => p.Add(x => x.MemberId, member));

        // RMS has no customer page: the buyer links to their newest order in 受注管理.
        var customerLink = page.WaitForElement("[data-testid=customer-page-link]");
        Assert.Equal(RakutenUrls.OrderPage("123456-20261125-00000002"), customerLink.GetAttribute("href"));
        Assert.Equal("abcd1234@pc.fw.rakuten.ne.jp", customerLink.TextContent.Trim());
        // Each order links to its own RMS page, newest first, and shows the お届け指定日 it asked for.
        Assert.Equal(
            [RakutenUrls.OrderPage("123456-20261125-00000002"), RakutenUrls.OrderPage("123456-20261120-00000001")],
            page.FindAll("[data-testid=order-page-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal("楽天RMSの受注詳細を開く", page.FindAll("[data-testid=order-page-link]")[0].TextContent.Trim());
        Assert.Equal(["2026/12/10 14:00-16:00", "-"], page.FindAll("[data-testid=order-delivery]").Select(c => c.TextContent.Trim()));
    }
}
