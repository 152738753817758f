using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// The query string of a sandbox list call. Only what the sandbox implements is accepted; anything
/// else is a 400, so a connector never silently relies on a filter the sandbox ignores.
/// </summary>
internal sealed record ListQuery(int Page, int Per, DateTimeOffset? Since, bool Descending, string[] Includes, string OtherParameters, string? Error)
{
    /// <summary>Anything asked for with <c>include=</c>.</summary>
    public bool Include => Includes.Length > 0;

    public static ListQuery Parse(IQueryCollection query, string[] includable, int defaultPer, int maxPer)
    {
        ListQuery Fail(string error) => new(1, defaultPer, null, false, [], "", error);

        var page = 1;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, out page) || page < 1))
            return Fail($"page が正しくありません: {pageText}");
        var per = defaultPer;
        if (query.TryGetValue("per", out var perText) && (!int.TryParse(perText, out per) || per < 1))
            return Fail($"per が正しくありません: {perText}");
        per = Math.Min(per, maxPer); // ecforce caps per at 100 [C3]

        DateTimeOffset? since = null;
        foreach (var (key, value) in query)
        {
            if (!key.StartsWith("q[", StringComparison.Ordinal)) continue;
            if (key != "q[updated_at_gteq]") return Fail($"サンドボックスが対応していない検索条件です: {key}");
            if (!EcforceTime.TryParse(value.ToString(), out var parsed)) return Fail($"日時が正しくありません: {value}");
            since = parsed;
        }

        var sort = query["sort"].ToString();
        if (sort is not ("" or "updated_at" or "-updated_at")) return Fail($"サンドボックスが対応していない並び順です: {sort}");

        var includes = query["include"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (includes.Any(i => !includable.Contains(i))) return Fail($"include に指定できるのは {string.Join(", ", includable)} です");

        var others = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (key is "page" or "per") continue;
            others.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value.ToString())).Append('&');
        }
        return new ListQuery(page, per, since, sort == "-updated_at", includes, others.ToString(), null);
    }
}

/// <summary>The sign-in body <c>{"admin":{"email","password"}}</c>.</summary>
internal sealed record SignInBody(SignInAdmin? Admin);

internal sealed record SignInAdmin(string? Email, string? Password);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SignInBody))]
[JsonSerializable(typeof(EcforceFaults.Settings))]
internal sealed partial class EcforceSandboxJsonContext : JsonSerializerContext;
