using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// A report on an exam. Drafts belong to the exam, not the claim, so a release, a lease expiry or a reassignment loses
/// nothing: whoever holds the exam next continues the same draft, which remembers who started it and who last edited it.
/// A final report is never overwritten: corrections are signed addenda that point at it.
/// </summary>
public sealed class Report
{
    public const int TextMaxLength = 20_000;
    public const int CommentMaxLength = 2000;

    private Report()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    /// <summary>Who started the report.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>Who saved the text last (a draft may pass between reporters with the exam).</summary>
    public Guid? LastEditedById { get; private set; }

    public ReportStatus Status { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the report first left the reporter's hands (preliminary, final, or submitted for verification).</summary>
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>When the report became final (signed, or verified) or, for an addendum, when it was signed.</summary>
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>Who is responsible for the final text: the signer, or the verifying consultant.</summary>
    public Guid? SignedById { get; private set; }

    /// <summary>For an addendum: the report it adds to.</summary>
    public Guid? AddendumToId { get; private set; }

    /// <summary>The registrar who submitted the report for verification.</summary>
    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The text as the registrar submitted it; kept so the consultant's edits can be shown.</summary>
    public string? SubmittedText { get; private set; }

    public Guid? VerifiedById { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>The consultant's comment when they last returned the report to its author.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>The verifying consultant changed the registrar's text.</summary>
    public bool EditedInVerification => SubmittedText is not null && SubmittedText != Text;

    public bool IsSigned => Status is ReportStatus.Final || (Status is ReportStatus.Addendum && SignedAt is not null);

    public static Report StartDraft(Guid id, Guid examId, Guid authorId, string text, DateTimeOffset now) => new()
    {
        Id = id,
        ExamId = examId,
        AuthorId = authorId,
        LastEditedById = authorId,
        Status = ReportStatus.Draft,
        Text = text,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Saves new text. A preliminary report may still be changed; a final one never.</summary>
    public Outcome Edit(string text, Guid editorId, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Preliminary) && !(Status is ReportStatus.Addendum && SignedAt is null))
        {
            return Status == ReportStatus.AwaitingVerification
                ? Outcome.Rejected("This report is waiting for verification; only the verifying consultant may change it.")
                : Outcome.Rejected("A signed report cannot be edited; add an addendum instead.");
        }

        return SetText(text, editorId, now);
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
        if (IsSigned)
        {
            return Outcome.Rejected("This report is already signed.");
        }

        if (Status == ReportStatus.AwaitingVerification)
        {
            return Outcome.Rejected("This report is waiting for verification by a consultant.");
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

    /// <summary>A registrar signs: the report goes to a consultant's verification queue.</summary>
    public Outcome SubmitForVerification(Guid registrarId, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Preliminary))
        {
            return Outcome.Rejected($"Only a draft or preliminary report can be submitted for verification; this report is {Status}.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            return Outcome.Rejected("An empty report cannot be submitted.");
        }

        Status = ReportStatus.AwaitingVerification;
        SubmittedById = registrarId;
        SubmittedAt = now;
        SubmittedText = Text;
        ReturnComment = null;
        IssuedAt ??= now;
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    /// <summary>The verifying consultant changes the registrar's text; the submitted text is kept for comparison.</summary>
    public Outcome EditInVerification(string text, Guid consultantId, DateTimeOffset now) =>
        Status == ReportStatus.AwaitingVerification
            ? SetText(text, consultantId, now)
            : Outcome.Rejected("Only a report waiting for verification can be edited by the verifier.");

    public Outcome Verify(Guid consultantId, DateTimeOffset now)
    {
        if (Status != ReportStatus.AwaitingVerification)
        {
            return Outcome.Rejected("This report is not waiting for verification.");
        }

        if (consultantId == SubmittedById)
        {
            return Outcome.Rejected("A report cannot be verified by the person who submitted it.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            return Outcome.Rejected("An empty report cannot be verified.");
        }

        Status = ReportStatus.Final;
        VerifiedById = consultantId;
        VerifiedAt = now;
        SignedById = consultantId;
        SignedAt = now;
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    /// <summary>The consultant returns the report to its author with a comment; it becomes a draft again.</summary>
    public Outcome Return(string comment, DateTimeOffset now)
    {
        if (Status != ReportStatus.AwaitingVerification)
        {
            return Outcome.Rejected("This report is not waiting for verification.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return Outcome.Rejected("Say what needs changing, so the author can act on it.");
        }

        if (comment.Length > CommentMaxLength)
        {
            return Outcome.Rejected($"A comment may be at most {CommentMaxLength} characters.");
        }

        Status = ReportStatus.Draft;
        ReturnComment = comment.Trim();
        UpdatedAt = now;
        return Outcome.Accepted;
    }

    public Outcome<Report> StartAddendum(Guid id, Guid authorId, string text, DateTimeOffset now)
    {
        if (Status != ReportStatus.Final)
        {
            return Outcome<Report>.Rejected("An addendum can only be added to a final report.");
        }

        if (text.Length > TextMaxLength)
        {
            return Outcome<Report>.Rejected($"An addendum may be at most {TextMaxLength} characters.");
        }

        var addendum = StartDraft(id, ExamId, authorId, text, now);
        addendum.Status = ReportStatus.Addendum;
        addendum.AddendumToId = Id;
        return Outcome<Report>.Accepted(addendum);
    }

    private Outcome SetText(string text, Guid editorId, DateTimeOffset now)
    {
        if (text.Length > TextMaxLength)
        {
            return Outcome.Rejected($"A report may be at most {TextMaxLength} characters.");
        }

        Text = text;
        LastEditedById = editorId;
        UpdatedAt = now;
        return Outcome.Accepted;
    }
}
