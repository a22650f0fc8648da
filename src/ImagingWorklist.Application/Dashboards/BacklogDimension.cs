namespace ImagingWorklist.Application.Dashboards;

/// <summary>What the backlog is broken down by.</summary>
public enum BacklogDimension
{
    Trust,
    Site,
    Modality,
    Pathway,
    Priority,
}
