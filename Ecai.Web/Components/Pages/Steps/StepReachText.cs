using Ecai.Domain.Messaging.Steps;
using Ecai.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Ecai.Web.Components.Pages.Steps;

/// <summary>The Japanese sentences that say whom a scenario reaches once on (the editor's note and the list's on-switch confirmation).</summary>
public static class StepReachText
{
    public static IEnumerable<string> Lines(IStringLocalizer<SharedResource> l, StepTrigger trigger, StepReach reach)
    {
        if (trigger == StepTrigger.FriendAdded) yield return l["Steps.ReachFriendAdded"];
        else if (reach.AlreadyTagged is { } tagged) yield return l["Steps.ReachTagAdded", tagged];
        if (reach.Matching is { } matching) yield return l["Steps.ReachMatching", matching];
    }
}
