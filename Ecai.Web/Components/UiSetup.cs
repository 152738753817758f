using Ecai.Domain.Dashboard;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecai.Web.Components;

/// <summary>Services the Blazor screens use (bot context, read queries).</summary>
public static class UiSetup
{
    public static IServiceCollection AddEcaiUi(this IServiceCollection services)
    {
        services.AddScoped<BotContext>();
        services.AddSingleton<Liff.LiffRateLimits>();
        services.TryAddSingleton<DashboardQueries>();
        // Puts the operator's display name into the auth cookie for the app bar.
        services.AddScoped<IUserClaimsPrincipalFactory<Operator>, OperatorClaimsFactory>();
        return services;
    }
}
