using MudBlazor;

namespace Ecai.Web.Components.Layout;

/// <summary>LINE green, system CJK fonts, compact type for dense operator screens.</summary>
public static class EcaiTheme
{
    public const string LineGreen = "#06C755";

    private static readonly string[] Fonts =
    [
        "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP",
        "Yu Gothic UI", "Meiryo", "system-ui", "sans-serif",
    ];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = LineGreen,
            PrimaryContrastText = "#FFFFFF",
            AppbarBackground = LineGreen,
            AppbarText = "#FFFFFF",
            Background = "#F6F7F9",
            DrawerBackground = "#FFFFFF",
            Success = LineGreen,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "0.875rem", LineHeight = "1.5" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "0.875rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = "0.8125rem" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = "0.8125rem", FontWeight = "600", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = "0.75rem" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", AppbarHeight = "56px", DrawerWidthLeft = "200px" },
    };
}
