namespace Ecai.Domain.Carts;

/// <summary>The cart systems ECAI connects to.</summary>
public enum CartKind
{
    Ecforce = 1,
    Shopify = 2,
    RakutenRms = 3,
    RakurakuRepeat = 4,
    Repeatst = 5,
    SubscStore = 6,
}

/// <summary>継続ステータス: ECAI's words for a subscription's state.</summary>
public enum ContinuationStatus
{
    Unspecified = 0,
    Active = 1,
    Paused = 2,
    Cancelled = 3,
}

/// <summary>What the integration page shows for a connection.</summary>
public enum ConnectionState
{
    NeverPulled = 0,
    Connected = 1,
    Error = 2,
    /// <summary>OAuth carts: saved, waiting for the operator to approve ECAI on the cart's screen.</summary>
    AwaitingAuthorization = 3,
}
