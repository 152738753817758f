namespace Ecai.Web.Components;

/// <summary>Services the Blazor screens use (bot context, view models).</summary>
public static class UiSetup
{
    public static IServiceCollection AddEcaiUi(this IServiceCollection services) => services;
}
