using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ecai.Web.Resources;

namespace Ecai.Tests.Web.Components;

/// <summary>Every text a screen asks the localizer for exists in Japanese.</summary>
public sealed partial class ResourceTests
{
    [Fact]
    public void Every_localizer_key_used_by_the_components_has_a_Japanese_text()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Ecai.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var components = Path.Combine(root.FullName, "Ecai.Web", "Components");
        var keys = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(keys);

        var resources = new ResourceManager(typeof(SharedResource));
        var japanese = CultureInfo.GetCultureInfo("ja-JP");
        var missing = keys.Where(k => string.IsNullOrEmpty(resources.GetString(k, japanese))).ToList();

        Assert.Empty(missing);
    }

    [GeneratedRegex("\\bL\\[\"([^\"]+)\"")]
    private static partial Regex LocalizerKey();
}
