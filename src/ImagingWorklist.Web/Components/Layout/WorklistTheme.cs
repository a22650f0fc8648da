using MudBlazor;

namespace ImagingWorklist.Web.Components.Layout;

/// <summary>NHS blue on white, with contrast that passes WCAG AA for text on the app bar and chips.</summary>
internal static class WorklistTheme
{
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
    };
}
