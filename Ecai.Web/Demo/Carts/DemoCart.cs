using Ecai.Domain.Carts;

namespace Ecai.Web.Demo.Carts;

/// <summary>
/// One sandbox cart that demo mode serves under <c>/sandbox/{Name}</c> and connects the demo bot to.
/// Its data hang off the demo bot's creation time, so they are the same after every restart.
/// </summary>
public abstract class DemoCart
{
    public abstract CartKind Kind { get; }

    /// <summary>The path segment under /sandbox/.</summary>
    public abstract string Name { get; }

    public string Prefix => "/sandbox/" + Name;

    /// <summary>The API's path below <see cref="Prefix"/> (楽楽リピート's API lives under /api).</summary>
    public virtual string ApiPath => "";

    /// <summary>Creates the cart's store. <paramref name="sharedPhone"/> gives ecforce customers' phones, so some people are customers of several carts.</summary>
    public abstract void Start(DemoOptions options, DateTimeOffset anchor, Func<int, string?> sharedPhone);

    public abstract void Map(IEndpointRouteBuilder app);

    /// <summary>How the demo bot connects to this sandbox at <paramref name="baseUrl"/> (this host + <see cref="Prefix"/>).</summary>
    public abstract ConnectRequest ConnectRequest(string baseUrl);

    /// <summary>
    /// After connecting, and on every start (a sandbox forgets the tokens it issued): what the operator would do
    /// at the cart (OAuth approval). Default: nothing.
    /// </summary>
    public virtual Task AuthorizeAsync(IServiceProvider services, int connectionId) => Task.CompletedTask;

    /// <summary>Customers whose phone (or e-mail) demo members may carry, so they link.</summary>
    public abstract int CustomerCount { get; }

    public virtual string? CustomerPhone(int index) => null;

    public virtual string? CustomerEmail(int index) => null;
}
