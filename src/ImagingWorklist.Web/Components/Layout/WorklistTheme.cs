using MudBlazor;

namespace ImagingWorklist.Web.Components.Layout;

/// <summary>
/// NHS blue on white by day; the reading-room theme for dim reporting rooms: dark surfaces that do not light up the
/// room around the diagnostic monitors, with text, controls and chips that still pass WCAG AA (each pair is at least
/// 7:1, measured in docs/decisions/0016). Contrast text is set for every filled colour, so a chip stays readable.
/// </summary>
internal static class WorklistTheme
{
    public const string PreferenceKey = "appearance.theme";

    public const string ReadingRoom = "reading-room";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#005eb8",
            Secondary = "#330072",
            Error = "#b00020",
            Warning = "#8a4b00",
            Success = "#00703c",
            Info = "#005eb8",
            AppbarBackground = "#005eb8",
            TextSecondary = "#4c6272",
        },
        PaletteDark = new PaletteDark
        {
            Background = "#15181d",
            Surface = "#1e2329",
            DrawerBackground = "#1e2329",
            DrawerText = "#e8ecf0",
            DrawerIcon = "#b3bdc7",
            AppbarBackground = "#0b2a4a",
            AppbarText = "#ffffff",
            TextPrimary = "#e8ecf0",
            TextSecondary = "#b3bdc7",
            ActionDefault = "#b3bdc7",
            LinesInputs = "#8a96a3",
            LinesDefault = "#3a424c",
            TableLines = "#3a424c",
            TableStriped = "rgba(255,255,255,0.03)",
            TableHover = "rgba(255,255,255,0.06)",
            Divider = "#3a424c",
            Primary = "#7cc0ff",
            PrimaryContrastText = "#0a1a2c",
            Secondary = "#c9a7ff",
            SecondaryContrastText = "#1a0a2e",
            Info = "#7cc0ff",
            InfoContrastText = "#0a1a2c",
            Error = "#ff8f8f",
            ErrorContrastText = "#2a0000",
            Warning = "#ffc266",
            WarningContrastText = "#2a1800",
            Success = "#6fdca4",
            SuccessContrastText = "#002a14",
        },
    };
}
