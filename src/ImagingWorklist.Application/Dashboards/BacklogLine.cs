namespace ImagingWorklist.Application.Dashboards;

/// <summary>One line of the backlog table: a trust, site, modality, pathway or priority, with its counts per measure.</summary>
public sealed record BacklogLine(string Key, string Label, IReadOnlyDictionary<BacklogMeasure, int> Counts)
{
    public int this[BacklogMeasure measure] => Counts.GetValueOrDefault(measure);
}
