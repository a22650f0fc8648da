namespace ImagingWorklist.Application.Simulation;

public sealed record WhatIfResult(
    DateTimeOffset From, int Days, int Replications, int OpenAtStart, double ArrivalsPerDay, WhatIfProjection Current,
        WhatIfProjection Proposed, WhatIfChanges Changes);
