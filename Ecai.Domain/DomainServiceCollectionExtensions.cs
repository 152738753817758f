using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecai.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>EF Core on the configured provider and the domain use cases. The settings are read when the
    /// factory is first asked for, so test hosts can override them.</summary>
    public static IServiceCollection AddEcaiDomain(this IServiceCollection services, Func<IServiceProvider, DatabaseSettings> database)
    {
        services.AddSingleton<DatabaseSettings>(database);
        services.AddSingleton<IDbContextFactory<EcaiDb>>(sp =>
            new EcaiDbFactory(sp.GetRequiredService<DatabaseSettings>(), sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILiveEvents, NoLiveEvents>();
        services.AddSingleton<JobRuns>();
        services.AddSingleton<BotAccess>();
        services.AddSingleton<Carts.CartConnections>();
        services.AddSingleton<Linking.Linker>();
        services.AddSingleton<Members.MemberImport>();
        services.AddSingleton<Members.MemberContacts>();
        services.AddSingleton<Members.MemberPurchases>();
        services.AddSingleton<Members.MemberDetails>();
        services.AddSingleton<Members.MatchHealth>();
        services.AddSingleton<Members.MemberSearch>();
        services.AddSingleton<Members.SavedFilters>();
        services.AddSingleton<Tags.BulkTags>();
        services.AddSingleton<Tags.MemberTagging>();
        services.AddSingleton<Tags.TagRuleEngine>();
        services.AddSingleton<Tags.TagRules>();
        services.AddSingleton<Forms.IdentityForms>();
        services.AddSingleton<Line.LineChannels>();
        services.AddSingleton<Line.LineWebhook>();
        services.AddOptions<Carts.ImportOptions>();
        services.AddSingleton<Carts.CartSync>();
        services.AddSingleton<Carts.CartPushes>();
        services.AddSingleton<Carts.CartAuthorizations>();
        services.AddSingleton<Tags.TagCatalog>();
        services.AddOptions<JobFileOptions>();
        services.AddSingleton<JobFiles>();
        services.AddSingleton<ProductCsvExport>();
        services.AddSingleton<Messaging.DeliveryCounts>();
        services.AddSingleton<Messaging.Chat.ChatConversations>();
        services.AddOptions<Messaging.DispatchOptions>();
        services.AddSingleton<Messaging.DeliveryDispatcher>();
        services.AddSingleton<Messaging.IDispatchSignal>(sp => sp.GetRequiredService<Messaging.DeliveryDispatcher>());
        services.AddSingleton<Messaging.Deliveries>();
        services.AddSingleton<Messaging.Broadcasts.BroadcastPlanner>();
        services.AddSingleton<Messaging.IDeliveryPlanner>(sp => sp.GetRequiredService<Messaging.Broadcasts.BroadcastPlanner>());
        services.AddSingleton<Messaging.IDeliverySource, Messaging.Broadcasts.BroadcastSource>();
        services.AddSingleton<Messaging.Broadcasts.Broadcasts>();
        services.AddSingleton<Messaging.Steps.StepScenarios>();
        services.AddSingleton<Messaging.IDeliveryPlanner, Messaging.Steps.StepPlanner>();
        services.AddSingleton<Messaging.IDeliverySource, Messaging.Steps.StepDeliveries>();
        services.AddSingleton<Messaging.Follow.FollowMessages>();
        services.AddSingleton<Messaging.Follow.FollowPlanner>();
        services.AddSingleton<Messaging.Follow.FollowRichMenus>();
        services.AddSingleton<Messaging.IDeliveryPlanner>(sp => sp.GetRequiredService<Messaging.Follow.FollowPlanner>());
        services.AddSingleton<Messaging.Follow.FollowDeliverySource>();
        services.AddSingleton<Messaging.IDeliverySource>(sp => sp.GetRequiredService<Messaging.Follow.FollowDeliverySource>());
        return services;
    }
}
