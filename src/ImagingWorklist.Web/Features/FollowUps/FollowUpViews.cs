using ImagingWorklist.Application.FollowUps;

namespace ImagingWorklist.Web.Features.FollowUps;

/// <summary>The tracking list's views as addresses write them (<c>?view=overdue</c>), with their headings.</summary>
internal static class FollowUpViews
{
    public static readonly IReadOnlyList<(string Key, FollowUpView View, string Label)> All =
    [
        ("needs-action", FollowUpView.NeedsAction, "Overdue or due soon"),
        ("overdue", FollowUpView.Overdue, "Overdue"),
        ("open", FollowUpView.Open, "All open"),
        ("closed", FollowUpView.Closed, "Done or closed"),
        ("all", FollowUpView.All, "Everything"),
    ];

    public static string Accepted => string.Join(", ", All.Select(v => v.Key));

    public static FollowUpView? Parse(string? key) =>
        string.IsNullOrEmpty(key) ? FollowUpView.NeedsAction
            : All.FirstOrDefault(v => v.Key == key.Trim().ToLowerInvariant()) is { Key: not null } found ? found.View : null;

    public static string KeyOf(FollowUpView view) => All.First(v => v.View == view).Key;
}
