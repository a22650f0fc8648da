using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Research;

/// <summary>
/// A researcher's request for a de-identified extract, as a data access committee would see it: purpose, the approving
/// body's reference, cohort, fields and expiry. Drafted and submitted by its requester; approved or refused (with a
/// reason) by a data guardian who is not the requester; run only while approved and unexpired. Its secret keys the
/// pseudonyms and date shifts of every extract it makes and is never shown.
/// </summary>
public sealed class DataAccessRequest
{
    public const int TitleMaxLength = 200;
    public const int PurposeMaxLength = 4000;
    public const int ReferenceMaxLength = 100;
    public const int PersonMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    /// <summary>How far ahead an approval may run: a committee reviews a study at least every two years.</summary>
    public const int MaxExpiryDays = 731;

    private DataAccessRequest()
    {
        Title = string.Empty;
        Purpose = string.Empty;
        ApprovalReference = string.Empty;
        RequestedBy = string.Empty;
        Cohort = null!;
        Secret = [];
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>The approving body's reference: an ethics (REC/IRAS) number, a CAG reference, a local approval number.</summary>
    public string ApprovalReference { get; private set; }

    public ResearchCohort Cohort { get; private set; }

    public ExtractFields Fields { get; private set; }

    /// <summary>The last day the request may run (UK calendar).</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The requester's account name.</summary>
    public string RequestedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DataAccessState State { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>The key of this request's pseudonyms and date shifts (HMAC-SHA256); stays in the database.</summary>
    public byte[] Secret { get; private set; }

    /// <summary>
    /// The earlier request whose secret this one shares, when the guardian linked them at approval: the same patient then
    /// has the same pseudonym and date shift in both (a study's follow-up extract). Unlinked requests cannot be joined.
    /// </summary>
    public Guid? LinkedToId { get; private set; }

    public int Version { get; private set; }

    public static Outcome<DataAccessRequest> Draft(Guid id, DataAccessDraft draft, string requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var request = new DataAccessRequest
        {
            Id = id,
            RequestedBy = requestedBy,
            CreatedAt = now,
            State = DataAccessState.Draft,
            Secret = Pseudonymiser.NewSecret(),
        };
        var edited = request.Edit(draft, requestedBy, now);
        return edited.Succeeded ? Outcome<DataAccessRequest>.Accepted(request) : Outcome<DataAccessRequest>.Rejected(edited.Reason!);
    }

    public Outcome Edit(DataAccessDraft draft, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (State != DataAccessState.Draft)
        {
            return Outcome.Rejected($"This request is {Words(State)}; only a draft can be changed.");
        }

        if (!string.Equals(by, RequestedBy, StringComparison.Ordinal))
        {
            return Outcome.Rejected("Only the requester can change a draft.");
        }

        var problems = new List<string>();
        RequiredText.Check(problems, draft.Title, "a title", TitleMaxLength, multiline: true);
        RequiredText.Check(problems, draft.Purpose, "the purpose", PurposeMaxLength, multiline: true);
        RequiredText.Check(problems, draft.ApprovalReference, "the approving body's reference", ReferenceMaxLength,
            multiline: true);
        problems.AddRange(draft.Cohort.Problems());
        if ((draft.Fields & ExtractFields.All) == ExtractFields.None || (draft.Fields & ~ExtractFields.All) != ExtractFields.None)
        {
            problems.Add("Choose the fields the extract should hold.");
        }

        var today = UkCalendar.DayOf(now);
        if (draft.ExpiresOn < today || draft.ExpiresOn > today.AddDays(MaxExpiryDays))
        {
            problems.Add($"The expiry must be between today and {UkCalendar.WriteDate(today.AddDays(MaxExpiryDays))} (two years).");
        }

        if (problems.Count > 0)
        {
            return Outcome.Rejected(string.Join(" ", problems));
        }

        Title = draft.Title!.Trim();
        Purpose = draft.Purpose!.Trim();
        ApprovalReference = draft.ApprovalReference!.Trim();
        var phrase = draft.Cohort.TextContains;
        Cohort = draft.Cohort with { TextContains = string.IsNullOrWhiteSpace(phrase) ? null : phrase.Trim() };
        Fields = draft.Fields;
        ExpiresOn = draft.ExpiresOn;
        Version++;
        return Outcome.Accepted;
    }

    public Outcome Submit(string by, DateTimeOffset now)
    {
        if (State != DataAccessState.Draft)
        {
            return Outcome.Rejected($"This request is {Words(State)}; only a draft can be submitted.");
        }

        if (!string.Equals(by, RequestedBy, StringComparison.Ordinal))
        {
            return Outcome.Rejected("Only the requester can submit their request.");
        }

        State = DataAccessState.Submitted;
        SubmittedAt = now;
        Version++;
        return Outcome.Accepted;
    }

    /// <param name="linkWith">An approved request to share pseudonyms and date shifts with, chosen by the guardian; none:
    /// unlinkable.</param>
    public Outcome Approve(string by, string? note, DateTimeOffset now, DataAccessRequest? linkWith = null)
    {
        if (linkWith is not null && (linkWith.Id == Id || linkWith.State != DataAccessState.Approved))
        {
            return Outcome.Rejected("A request can be linked only with another request that was approved.");
        }

        var decided = Decide(DataAccessState.Approved, by, note, now);
        if (decided.Succeeded && linkWith is not null)
        {
            Secret = [.. linkWith.Secret];
            LinkedToId = linkWith.Id;
        }

        return decided;
    }

    public Outcome Refuse(string by, string? reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason)
            ? Outcome.Rejected("Say why the request is refused: the requester needs the reason to revise it.")
            : Decide(DataAccessState.Refused, by, reason, now);

    public Outcome Withdraw(string by, DateTimeOffset now)
    {
        if (!string.Equals(by, RequestedBy, StringComparison.Ordinal))
        {
            return Outcome.Rejected("Only the requester can withdraw their request.");
        }

        if (State is DataAccessState.Refused or DataAccessState.Withdrawn)
        {
            return Outcome.Rejected($"This request is already {Words(State)}.");
        }

        State = DataAccessState.Withdrawn;
        DecidedAt = now;
        Version++;
        return Outcome.Accepted;
    }

    /// <summary>Whether an extract may be made now, and if not, why.</summary>
    public Outcome MayRun(DateTimeOffset now) => State switch
    {
        DataAccessState.Approved when UkCalendar.DayOf(now) > ExpiresOn =>
            Outcome.Rejected($"This request expired on {UkCalendar.WriteDate(ExpiresOn)}; ask for a new approval to extract again."),
        DataAccessState.Approved => Outcome.Accepted,
        _ => Outcome.Rejected($"This request is {Words(State)}; only an approved request can be extracted."),
    };

    public bool ExpiredOn(DateOnly day) => day > ExpiresOn;

    public static string Words(DataAccessState state) => state switch
    {
        DataAccessState.Draft => "a draft",
        DataAccessState.Submitted => "waiting for a decision",
        DataAccessState.Approved => "approved",
        DataAccessState.Refused => "refused",
        DataAccessState.Withdrawn => "withdrawn",
        _ => state.ToString(),
    };

    private Outcome Decide(DataAccessState to, string by, string? reason, DateTimeOffset now)
    {
        if (State != DataAccessState.Submitted)
        {
            return Outcome.Rejected($"This request is {Words(State)}; only a submitted request can be decided.");
        }

        if (string.Equals(by, RequestedBy, StringComparison.Ordinal))
        {
            return Outcome.Rejected("A request is decided by someone other than its requester.");
        }

        if (reason is { Length: > ReasonMaxLength })
        {
            return Outcome.Rejected($"The reason is at most {ReasonMaxLength} characters.");
        }

        State = to;
        DecidedBy = by;
        DecidedAt = now;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Version++;
        return Outcome.Accepted;
    }
}
