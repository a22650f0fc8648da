using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// A reporter asks for a specialist's opinion on an exam: of a named colleague, or of a skill pool ("any neuro
/// consultant in the network"). The first suitable specialist to answer closes it; the answer stays with the exam.
/// </summary>
public sealed class ConsultRequest
{
    public const int TextMaxLength = 4000;

    private ConsultRequest()
    {
        Question = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid TrustId { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The named specialist; null for a skill pool.</summary>
    public Guid? TargetReporterId { get; private set; }

    /// <summary>The skill asked for (for a named specialist, the skill the question is about).</summary>
    public Skill Skill { get; private set; }

    public string Question { get; private set; }

    public ConsultStatus Status { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public int Version { get; private set; }

    public static Outcome<ConsultRequest> Ask(Guid id, Guid examId, Guid trustId, Guid requestedById, Guid? targetReporterId, Skill skill,
        string question, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return Outcome<ConsultRequest>.Rejected("Write the question you want answered.");
        }

        if (question.Length > TextMaxLength)
        {
            return Outcome<ConsultRequest>.Rejected($"A question may be at most {TextMaxLength} characters.");
        }

        if (targetReporterId == requestedById)
        {
            return Outcome<ConsultRequest>.Rejected("You cannot ask yourself for a second opinion.");
        }

        return Outcome<ConsultRequest>.Accepted(new ConsultRequest
        {
            Id = id,
            ExamId = examId,
            TrustId = trustId,
            RequestedById = requestedById,
            RequestedAt = now,
            TargetReporterId = targetReporterId,
            Skill = skill,
            Question = question.Trim(),
            Status = ConsultStatus.Open,
        });
    }

    public Outcome Respond(Guid specialistId, string answer, DateTimeOffset now)
    {
        if (Status != ConsultStatus.Open)
        {
            return Outcome.Rejected(Status == ConsultStatus.Answered ? "This question has already been answered."
                : "This request was withdrawn.");
        }

        if (TargetReporterId is { } target && target != specialistId)
        {
            return Outcome.Rejected("This question was put to a named colleague.");
        }

        if (specialistId == RequestedById)
        {
            return Outcome.Rejected("You cannot answer your own question.");
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Length > TextMaxLength)
        {
            return Outcome.Rejected($"Write an answer of at most {TextMaxLength} characters.");
        }

        Status = ConsultStatus.Answered;
        AnsweredById = specialistId;
        Answer = answer.Trim();
        AnsweredAt = now;
        Version++;
        return Outcome.Accepted;
    }

    public Outcome Withdraw(Guid requesterId)
    {
        if (Status != ConsultStatus.Open)
        {
            return Outcome.Rejected("Only an open request can be withdrawn.");
        }

        if (requesterId != RequestedById)
        {
            return Outcome.Rejected("Only the person who asked may withdraw the request.");
        }

        Status = ConsultStatus.Withdrawn;
        Version++;
        return Outcome.Accepted;
    }
}
