using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

public enum ReportStatus
{
    Draft,
    Preliminary,
    Final,
    Addendum,
}

/// <summary>
/// A report on an exam. Drafts belong to the exam, not the claim, so a release or lease expiry loses nothing.
/// A final report is never overwritten: corrections are signed addenda that point at it.
/// </summary>
public sealed class Report
{
    public const int TextMaxLength = 20_000;

    private Report()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid AuthorId { get; private set; }

    public ReportStatus Status { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public Guid? SignedById { get; private set; }

    /// <summary>For an addendum: the report it adds to.</summary>
    public Guid? AddendumToId { get; private set; }

    public static Report StartDraft(Guid id, Guid examId, Guid authorId, string text, DateTimeOffset now) => new()
    {
        Id = id,
        ExamId = examId,
        AuthorId = authorId,
        Status = ReportStatus.Draft,
        Text = text,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public Outcome Edit(string text, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Preliminary))
        {
            return Outcome.Rejected("A signed report cannot be edited; add an addendum instead.");
        }

        if (text.Length > TextMaxLength)
        {
            return Outcome.Rejected($"A report may be at most {TextMaxLength} characters.");
        }

        Text = text;
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    public Outcome IssuePreliminary(DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft)
        {
            return Outcome.Rejected($"Only a draft can be issued as preliminary; this report is {Status}.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            return Outcome.Rejected("An empty report cannot be issued.");
        }

        Status = ReportStatus.Preliminary;
        IssuedAt = now;
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    public Outcome Sign(Guid signerId, DateTimeOffset now)
    {
        if (Status is ReportStatus.Final || SignedAt is not null)
        {
            return Outcome.Rejected("This report is already signed.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            return Outcome.Rejected("An empty report cannot be signed.");
        }

        if (Status != ReportStatus.Addendum)
        {
            Status = ReportStatus.Final;
        }

        SignedById = signerId;
        SignedAt = now;
        IssuedAt ??= now;
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    public Outcome<Report> StartAddendum(Guid id, Guid authorId, string text, DateTimeOffset now)
    {
        if (Status != ReportStatus.Final)
        {
            return Outcome<Report>.Rejected("An addendum can only be added to a final report.");
        }

        var addendum = StartDraft(id, ExamId, authorId, text, now);
        addendum.Status = ReportStatus.Addendum;
        addendum.AddendumToId = Id;
        return Outcome<Report>.Accepted(addendum);
    }
}
