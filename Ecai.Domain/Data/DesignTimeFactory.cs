using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecai.Domain.Data;

/// <summary>For `dotnet ef migrations add` only.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EcaiDb>
{
    public EcaiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EcaiDb>().UseSqlite("Data Source=design.db").Options);
}
