using System.Text.Json;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Delivery;

/// <summary>
/// A report and its exam exactly as signed: the snapshot kept in the outbox and rendered as HL7 v2 ORU^R01 or FHIR
/// DiagnosticReport when it is sent, so a later change to the exam cannot alter what the reporter signed.
/// </summary>
public sealed record ReportDocument(
    Guid ReportId,
    Guid ExamId,
    DeliveryKind Kind,
    string TrustOdsCode,
    string SiteOdsCode,
    string Accession,
    string? StudyInstanceUid,
    string? NhsNumber,
    string LocalMrn,
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    Sex Sex,
    Modality Modality,
    string ProcedureCode,
    string ProcedureDescription,
    DateTimeOffset PerformedAt,
    string Text,
    DateTimeOffset IssuedAt,
    string ReporterName,
    string ReporterRegistration,
    string? VerifierName,
    string? VerifierRegistration,
    Guid? AddendumToReportId,
    IReadOnlyList<string>? Alerts = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The report's lines as delivered: the national alert lines first ("ALERT: CRITICAL …"), then the text.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Lines =>
        [.. Alerts ?? [], .. (Kind == DeliveryKind.Addendum ? ["ADDENDUM"] : Array.Empty<string>()),
            .. Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportDocument FromJson(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Json) ?? throw new InvalidDataException("An outbox row holds no report document.");

    /// <summary>Builds the document for a report just signed, from the same context that is about to save it.</summary>
    public static async Task<ReportDocument> ForAsync(WorklistDbContext db, Exam exam, Report report, DeliveryKind kind,
        CancellationToken cancellationToken)
    {
        var trust = await db.Trusts.AsNoTracking().Where(t => t.Id == exam.TrustId).Select(t => t.OdsCode).SingleAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == exam.SiteId).Select(s => s.OdsCode).SingleAsync(cancellationToken);
        var people =
            new[] { report.SubmittedById ?? report.AuthorId, report.SignedById ?? report.AuthorId, report.VerifiedById ?? Guid.Empty };
        var names = await db.Reporters.AsNoTracking()
            .Where(r => people.Contains(r.Id))
            .Select(r => new { r.Id, r.DisplayName, r.RegistrationNumber })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var reporter = names[report.SubmittedById ?? report.SignedById ?? report.AuthorId];
        var alerts = await db.CriticalFindings.AsNoTracking().Where(f => f.ExamId == exam.Id).OrderBy(f => f.RaisedAt)
            .Select(f => new { f.Category, f.Summary, f.SuspectedPrimarySite }).ToListAsync(cancellationToken);
        var verifier = report.VerifiedById is { } v ? names[v] : null;
        return new ReportDocument(
            report.Id,
            exam.Id,
            kind,
            trust.Value,
            site.Value,
            exam.Accession.Value,
            exam.StudyInstanceUid?.Value,
            exam.Patient.NhsNumber?.Value,
            exam.Patient.LocalMrn,
            exam.Patient.FamilyName,
            exam.Patient.GivenName,
            exam.Patient.DateOfBirth,
            exam.Patient.Sex,
            exam.Modality,
            exam.ProcedureCode,
            exam.ProcedureDescription,
            exam.TurnaroundClockStart,
            report.Text,
            report.SignedAt ?? report.IssuedAt ?? report.UpdatedAt,
            reporter.DisplayName,
            reporter.RegistrationNumber,
            verifier?.DisplayName,
            verifier?.RegistrationNumber,
            report.AddendumToId,
            [.. alerts.Select(a => AlertLine(a.Category, a.Summary, a.SuspectedPrimarySite))]);
    }

    /// <summary>One alert as the report carries it: the national text code first, so a RIS can trigger on it.</summary>
    public static string AlertLine(FindingCategory category, string summary, string? suspectedPrimarySite) =>
        $"ALERT: {CriticalFindingPolicy.TextCode(category)}" +
            $"{(suspectedPrimarySite is { } site ? $" (suspected primary: {site})" : string.Empty)} - {summary}";

    /// <summary>Puts the document in the outbox, in the caller's transaction: it is saved with the signature or not at all.</summary>
    public OutboundReport Enqueue(WorklistDbContext db, Guid trustId, DateTimeOffset now)
    {
        var row = new OutboundReport
        {
            Id = Guid.NewGuid(),
            ReportId = ReportId,
            ExamId = ExamId,
            TrustId = trustId,
            Kind = Kind.ToString(),
            Document = ToJson(),
            CreatedAt = now,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
        };
        db.OutboundReports.Add(row);
        return row;
    }
}
