using ImagingWorklist.Application.Common;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// Who is asking, for research: a data guardian sees every request; a Bulk Data client sees only the one request its
/// token was issued for; anyone else sees the requests they made.
/// </summary>
public sealed record ResearchCaller(Actor Actor, bool Guardian, Guid? OnlyRequest = null)
{
    public bool MaySee(Guid requestId, string requestedBy) =>
        OnlyRequest is { } only ? only == requestId : Guardian || string.Equals(requestedBy, Actor.Name, StringComparison.Ordinal);
}
