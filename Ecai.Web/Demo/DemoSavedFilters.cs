using Ecai.Domain.Carts;
using Ecai.Domain.Members;

namespace Ecai.Web.Demo;

/// <summary>Demo mode's 保存した条件 on the first run: a few filters an operator would keep, to apply on 会員リスト or pick for a broadcast or step.</summary>
public static class DemoSavedFilters
{
    public static readonly IReadOnlyList<(string Name, MemberFilter Filter)> All =
    [
        ("リピーター(2回以上購入)", new MemberFilter { PurchaseCountMin = 2 }),
        ("定期継続中の会員", new MemberFilter { Status = ContinuationStatus.Active }),
        ("カート未連携の友だち", new MemberFilter { Link = LinkState.Unlinked, Blocked = false }),
    ];

    public static async Task SeedAsync(IServiceProvider services, int botId)
    {
        var saved = services.GetRequiredService<SavedFilters>();
        foreach (var (name, filter) in All)
        {
            var result = await saved.SaveAsNewAsync(botId, name, filter, CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException("Demo saved filter: " + string.Join(" ", result.Errors));
        }
    }
}
