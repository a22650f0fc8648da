using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>What the engine needs to know about one open exam: a snapshot, not the entity.</summary>
public sealed record EngineExam(
    Guid Id,
    Guid TrustId,
    Guid SiteId,
    Modality Modality,
    string BodyPart,
    Skill RequiredSkill,
    int ExpectedMinutes,
    Pathway Pathway,
    ClinicalPriority Priority,
    DateTimeOffset ReadyAt,
    DateTimeOffset DueAt,
    string PatientKey,
    string Description)
{
    /// <summary>The reporter holding it, if claimed.</summary>
    public Guid? ClaimedBy { get; init; }

    /// <summary>A clinician asked for it to be reported sooner.</summary>
    public bool Escalated { get; init; }

    /// <summary>An AI triage tool flagged a possible critical finding.</summary>
    public bool AiCritical { get; init; }

    /// <summary>What the AI flag says, for "Why?" ("AI (qER v2) flagged suspected intracranial haemorrhage, score 0.93").</summary>
    public string? AiReason { get; init; }

    /// <summary>The hyperacute fast lane it is in: first on every eligible reporter's list.</summary>
    public FastLane? FastLane { get; init; }

    /// <summary>When it entered the lane: with <see cref="ReadyAt"/>, the start of the lane's clock.</summary>
    public DateTimeOffset? FastLaneSince { get; init; }

    /// <summary>Why it is in the lane, for "Why?" ("order code STROKE", "flagged by Dr A Jones: query LVO").</summary>
    public string? FastLaneReason { get; init; }

    /// <summary>Open, unclaimed exams in the pool, plus claimed ones (they count against their holder's capacity).</summary>
    public static EngineExam? From(Exam exam)
    {
        if (!exam.State.IsOpen() || exam.State is ExamState.OnHold or ExamState.AwaitingVerification || exam.ReadyAt is not { } ready)
        {
            return null;
        }

        return Snapshot(exam, ready);
    }

    /// <summary>
    /// A snapshot of any exam, whatever its state, for ranking work that is about an exam but is not the exam itself
    /// (a verification, a specialist's opinion) by the same rules as the worklist.
    /// </summary>
    public static EngineExam Snapshot(Exam exam, DateTimeOffset? readyAt = null)
    {
        var ready = readyAt ?? exam.ReadyAt ?? exam.TurnaroundClockStart;
        var patient = exam.Patient.NhsNumber?.Value ?? $"{exam.TrustId:N}/{exam.Patient.LocalMrn}";
        return new EngineExam(
            exam.Id,
            exam.TrustId,
            exam.SiteId,
            exam.Modality,
            exam.BodyPart,
            exam.RequiredSkill,
            exam.ExpectedReadingMinutes,
            exam.Pathway,
            exam.Priority,
            ready,
            exam.DueAt,
            patient,
            exam.ProcedureDescription)
        {
            ClaimedBy = exam.State is ExamState.Claimed or ExamState.Preliminary ? exam.ClaimedById : null,
            AiCritical = exam.AiFlag is not null,
            AiReason = exam.AiFlag,
            FastLane = exam.FastLane,
            FastLaneSince = exam.FastLaneSince,
            FastLaneReason = exam.FastLaneReason,
        };
    }
}
