namespace ImagingWorklist.Application.Simulation;

/// <summary>The proposal against the rota as it stands, measure by measure.</summary>
public sealed record WhatIfChanges(WhatIfChange Breaches, WhatIfChange UrgentBreaches, WhatIfChange OnTimePercent,
    WhatIfChange BacklogAtEnd);
