using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Worklist;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Worklist;

/// <summary>
/// Claiming a case and opening it, the one step of the reporting loop that the worklist, the proposal card and the exam
/// view's "Next case" share. Each answers with the reason when it could not open a case (the page says it), or null
/// once it has navigated.
/// </summary>
internal static class CaseOpening
{
    public static async Task<string?> ClaimAndOpenAsync(this ClaimService claims, NavigationManager navigation, Guid examId,
        Guid reporterId, Actor actor)
    {
        var claim = await claims.ClaimAsync(examId, reporterId, actor);
        if (!claim.Succeeded)
        {
            return claim.Reason;
        }

        navigation.NavigateTo($"/exams/{examId}");
        return null;
    }

    /// <summary>The engine's next case for the reporter, claimed and opened, with no proposal step in between.</summary>
    public static async Task<string?> OpenNextAsync(this ClaimService claims, MyWorklistQuery worklist, NavigationManager navigation,
        Guid reporterId, Actor actor)
    {
        var next = worklist.NextCase(reporterId);
        return next.Case is { } proposal
            ? await claims.ClaimAndOpenAsync(navigation, proposal.Exam.Id, reporterId, actor)
            : next.WhyNone;
    }
}
