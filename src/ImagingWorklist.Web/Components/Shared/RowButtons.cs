namespace ImagingWorklist.Web.Components.Shared;

/// <summary>
/// MudButton's look for plain buttons in list rows: a live list re-renders every row on each change, and a MudButton per
/// action per row made a worklist circuit cost over three times an empty page's (bench/README.md, circuits).
/// </summary>
internal static class RowButtons
{
    public const string Text = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple";

    public const string Primary =
        "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple";
}
