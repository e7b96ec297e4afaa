using MudBlazor;

namespace Frontdesk.Web.Components.Layout;

/// <summary>The console's palette: calm, the same ink and accent as the plain pages (app.css).</summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            AppbarBackground = "#1d2733",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            TextPrimary = "#1d2733",
            TextSecondary = "#5b6776",
            Error = "#a61b1b",
            Warning = "#b35c00",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Liberation Sans", "system-ui", "sans-serif"], FontSize = ".9375rem" },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
    };
}
