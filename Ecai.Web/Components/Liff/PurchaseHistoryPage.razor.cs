using Ecai.Domain.Forms;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Liff;

/// <summary>
/// 購入履歴 (LIFF, for the rich menu): the member's own purchases of the last 3 months, newest 12, across
/// every linked cart. A member who is not linked yet is sent to the identity form. Orders are labelled with the
/// shop's own name, never with the cart platform's (ecforce, Shopify, 楽天…), which the friend does not know the shop by.
/// </summary>
public sealed partial class PurchaseHistoryPage : LiffPage
{
    private MemberPurchaseHistory? _history;
    private string _shop = "";

    [Inject] private IdentityForms Forms { get; set; } = default!;
    [Inject] private MemberPurchases Purchases { get; set; } = default!;

    protected override async Task<bool> OnIdentifiedAsync(LineIdentity identity)
    {
        if (await Forms.LoadAsync(BotId, identity.UserId, Aborted) is not { } member) return false;
        _shop = member.ShopName;
        _history = member.LinkedCustomers > 0 ? await Purchases.GetAsync(member.MemberId, Aborted) : null;
        return true;
    }
}
