using System.Text.Json;
using MudBlazor;

namespace Mentoring.Dashboard.Theme;

/// <summary>
/// The one theme of the dashboard, read from wwwroot-assets/theme.json (copied next to the app): MudBlazor's light and
/// dark palettes, the font stack, and the chart colours. Loaded once at start; a malformed file stops the start.
/// </summary>
public sealed class DashboardTheme
{
    public required MudTheme Mud { get; init; }

    /// <summary>Series colours of every chart, in order; chosen to read on both the light and the dark surface.</summary>
    public required IReadOnlyList<string> ChartColours { get; init; }

    public static DashboardTheme Load(string path)
    {
        var file = JsonSerializer.Deserialize<ThemeFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new InvalidOperationException($"The theme file {path} is empty.");
        return new DashboardTheme
        {
            Mud = new MudTheme
            {
                PaletteLight = Fill(new PaletteLight(), file.Light),
                PaletteDark = Fill(new PaletteDark(), file.Dark),
                Typography = new Typography { Default = new DefaultTypography { FontFamily = file.FontFamily } },
            },
            ChartColours = file.ChartColours,
        };
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "theme.json");

    private static T Fill<T>(T palette, PaletteFile colours) where T : Palette
    {
        palette.Primary = colours.Primary;
        palette.Secondary = colours.Secondary;
        palette.Success = colours.Success;
        palette.Warning = colours.Warning;
        palette.Error = colours.Error;
        palette.Info = colours.Info;
        palette.Background = colours.Background;
        palette.Surface = colours.Surface;
        palette.TextPrimary = colours.TextPrimary;
        palette.TextSecondary = colours.TextSecondary;
        palette.LinesDefault = colours.Lines;
        palette.TableLines = colours.Lines;
        palette.Divider = colours.Lines;
        palette.AppbarBackground = colours.AppbarBackground;
        palette.AppbarText = colours.AppbarText;
        palette.DrawerBackground = colours.DrawerBackground;
        palette.DrawerText = colours.DrawerText;
        palette.DrawerIcon = colours.DrawerText;
        palette.ActionDefault = colours.TextSecondary;
        return palette;
    }

    private sealed record ThemeFile(string[] FontFamily, PaletteFile Light, PaletteFile Dark, string[] ChartColours);

    private sealed record PaletteFile(
        string Primary, string Secondary, string Success, string Warning, string Error, string Info,
        string Background, string Surface, string TextPrimary, string TextSecondary, string Lines,
        string AppbarBackground, string AppbarText, string DrawerBackground, string DrawerText);
}
