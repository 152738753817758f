using Microsoft.AspNetCore.Identity;

namespace Ecai.Domain.Operators;

/// <summary>A person who logs into ECAI (ASP.NET Core Identity user).</summary>
public sealed class Operator : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public List<OperatorBot> Bots { get; set; } = [];
}

/// <summary>Grants one operator access to one bot.</summary>
public sealed class OperatorBot
{
    public required string OperatorId { get; set; }
    public int BotId { get; set; }
}
