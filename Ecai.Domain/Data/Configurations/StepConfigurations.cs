using Ecai.Domain.Bots;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Steps;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecai.Domain.Data.Configurations;

internal sealed class StepScenarioConfiguration : IEntityTypeConfiguration<StepScenario>
{
    public void Configure(EntityTypeBuilder<StepScenario> b)
    {
        b.ToTable("StepScenarios");
        b.Property(x => x.Name).HasMaxLength(StepScenario.MaxNameLength);
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // A trigger tag is not deleted while a scenario uses it (TagCatalog says so first; this is the backstop).
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BotId, x.Enabled });
    }
}

internal sealed class ScenarioStepConfiguration : IEntityTypeConfiguration<ScenarioStep>
{
    public void Configure(EntityTypeBuilder<ScenarioStep> b)
    {
        b.ToTable("ScenarioSteps");
        b.HasOne<StepScenario>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScenarioId, x.Position });
    }
}
