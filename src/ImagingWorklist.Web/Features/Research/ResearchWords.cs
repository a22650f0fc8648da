using System.Globalization;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Web.Features.Research;

/// <summary>A request's cohort, fields and state in words for the research page.</summary>
internal static class ResearchWords
{
    public static IReadOnlyList<(ExtractFields Field, string Label)> Fields { get; } =
    [
        (ExtractFields.Modality, "Modality"), (ExtractFields.Procedure, "Procedure"), (ExtractFields.BodyPart, "Body part"),
        (ExtractFields.Pathway, "Pathway"), (ExtractFields.Priority, "Priority"), (ExtractFields.Sex, "Sex"),
        (ExtractFields.AgeBand, "Age band"), (ExtractFields.Trust, "Trust"), (ExtractFields.StudyDate, "Dates (shifted)"),
        (ExtractFields.Turnaround, "Turnaround"), (ExtractFields.ReportText, "Report text (scrubbed)"),
    ];

    public static string Cohort(DataAccessView request)
    {
        var c = request.Cohort;
        var parts = new List<string>
        {
            string.Join(", ", request.TrustNames),
            $"{UkCalendar.WriteDate(c.From)} to {UkCalendar.WriteDate(c.To)}",
        };
        if (c.Modalities.Count > 0)
        {
            parts.Add(string.Join("/", c.Modalities));
        }

        if (c.ProcedureCodes.Count > 0)
        {
            parts.Add($"procedures {string.Join(", ", c.ProcedureCodes)}");
        }

        if (c.Pathways.Count > 0)
        {
            parts.Add(string.Join(", ", c.Pathways.Select(p => Labels.InSentence(Labels.Of(p)))));
        }

        if (c.AgeFrom is not null || c.AgeTo is not null)
        {
            parts.Add($"aged {c.AgeFrom ?? 0} to {(c.AgeTo is { } to ? to.ToString(CultureInfo.InvariantCulture) : "any")}");
        }

        if (c.TextContains is { } text)
        {
            parts.Add($"report mentions \"{text}\"");
        }

        return string.Join("; ", parts);
    }

    public static string FieldList(ExtractFields fields) =>
        string.Join(", ", Fields.Where(f => (fields & f.Field) == f.Field).Select(f => f.Label));

    public static string State(DataAccessView request) => request.State switch
    {
        DataAccessState.Approved when request.Expired => $"Expired on {UkCalendar.WriteDate(request.ExpiresOn)}",
        DataAccessState.Approved => $"Approved until {UkCalendar.WriteDate(request.ExpiresOn)}",
        DataAccessState.Submitted => "Waiting for a decision",
        DataAccessState.Draft => "Draft (not yet submitted)",
        DataAccessState.Refused => "Refused",
        DataAccessState.Withdrawn => "Withdrawn",
        _ => request.State.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
