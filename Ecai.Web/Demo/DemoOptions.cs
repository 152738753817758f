namespace Ecai.Web.Demo;

/// <summary>Demo mode settings (appsettings.Development.json, section Ecai:Demo).</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }
    public string BotName { get; set; } = "デモショップ";
    public int Members { get; set; } = 5000;
    public double PhoneShare { get; set; } = 0.7;
    public int Seed { get; set; } = 20261128;
    public string OperatorEmail { get; set; } = "demo@ecai.example";
    public string OperatorPassword { get; set; } = "Demo-2026!";
    public int EcforceCustomers { get; set; } = 6000;
    public int EcforceOrders { get; set; } = 15000;
    /// <summary>Size of each of the other sandbox carts.</summary>
    public int CartCustomers { get; set; } = 2000;
    public int CartOrders { get; set; } = 5000;
}
