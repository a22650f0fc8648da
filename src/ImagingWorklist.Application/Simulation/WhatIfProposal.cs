namespace ImagingWorklist.Application.Simulation;

public sealed record WhatIfProposal(IReadOnlyList<ProposedSession> Added, IReadOnlyList<RemovedDuty> Removed)
{
    public static WhatIfProposal None { get; } = new([], []);

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
