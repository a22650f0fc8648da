using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// A starting text for reports, per procedure code, or per modality when no procedure has its own. Administrators edit
/// them; a reporter inserts one into an empty draft.
/// </summary>
public sealed class ReportTemplate
{
    public const int NameMaxLength = 100;

    private ReportTemplate()
    {
        Name = string.Empty;
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The procedure it is for; null for a modality-wide template.</summary>
    public string? ProcedureCode { get; private set; }

    public Modality Modality { get; private set; }

    public string Text { get; private set; }

    public static Outcome<ReportTemplate> Create(Guid id, string name, Modality modality, string? procedureCode, string text)
    {
        var template = new ReportTemplate { Id = id };
        var set = template.Change(name, modality, procedureCode, text);
        return set.Succeeded ? Outcome<ReportTemplate>.Accepted(template) : Outcome<ReportTemplate>.Rejected(set.Reason!);
    }

    public Outcome Change(string name, Modality modality, string? procedureCode, string text)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
        {
            return Outcome.Rejected($"A template needs a name of at most {NameMaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > Report.TextMaxLength)
        {
            return Outcome.Rejected($"A template needs text, at most {Report.TextMaxLength} characters.");
        }

        var code = string.IsNullOrWhiteSpace(procedureCode) ? null : procedureCode.Trim().ToUpperInvariant();
        if (code is { Length: > Exam.ProcedureCodeMaxLength })
        {
            return Outcome.Rejected($"A procedure code may be at most {Exam.ProcedureCodeMaxLength} characters.");
        }

        Name = name.Trim();
        Modality = modality;
        ProcedureCode = code;
        Text = text;
        return Outcome.Accepted;
    }

    /// <summary>The best template for an exam: its procedure's own, else its modality's.</summary>
    public static ReportTemplate? For(IEnumerable<ReportTemplate> templates, Modality modality, string procedureCode)
    {
        var list = templates.Where(t => t.Modality == modality).ToList();
        return list.FirstOrDefault(t => string.Equals(t.ProcedureCode, procedureCode, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(t => t.ProcedureCode is null);
    }
}
