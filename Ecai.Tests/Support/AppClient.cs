using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecai.Tests.Support;

/// <summary>Logs an operator in through the real login form (antiforgery included).</summary>
public static partial class AppClient
{
    public static async Task<(HttpClient Client, string AuthCookie)> LoginAsync(this EcaiAppFactory app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ecai.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';')]);
    }

    /// <summary>Fills and posts the login form as a browser would (antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "login page has no antiforgery token");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
