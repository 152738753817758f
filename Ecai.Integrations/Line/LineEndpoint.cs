namespace Ecai.Integrations.Line;

/// <summary>
/// The LINE API base URL, read on every call. It starts as <see cref="LineOptions.ApiBaseUrl"/>; demo mode
/// re-points it at the LINE sandbox once the host knows its own address
/// (<c>endpoint.BaseUrl = new Uri("http://127.0.0.1:5000/sandbox/line")</c>). A path prefix is kept.
/// </summary>
public sealed class LineEndpoint
{
    private volatile Uri _baseUrl;

    public LineEndpoint(Uri baseUrl) => _baseUrl = Checked(baseUrl);

    public Uri BaseUrl
    {
        get => _baseUrl;
        set => _baseUrl = Checked(value);
    }

    /// <summary>An absolute http(s) URL without a trailing slash (Refit appends the API paths to its path).</summary>
    internal static bool TryParse(string? text, out Uri baseUrl)
    {
        baseUrl = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return false;
        baseUrl = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        return true;
    }

    private static Uri Checked(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value.OriginalString, out var baseUrl)
            ? baseUrl
            : throw new ArgumentException($"The LINE API base URL must be an absolute http(s) URL: '{value}'.", nameof(value));
    }
}
