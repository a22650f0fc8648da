using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Application.Demo;

public sealed record DemoNetwork(
    ImagingNetwork Network,
    IReadOnlyList<Trust> Trusts,
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<TurnaroundRule> TurnaroundRules,
    IReadOnlyList<Reporter> Reporters,
    IReadOnlyList<Credential> Credentials,
    IReadOnlyList<RotaShift> Shifts,
    IReadOnlyList<Absence> Absences,
    IReadOnlyList<Exam> Exams,
    IReadOnlyList<Report> Reports,
    IReadOnlyList<CriticalFinding> Findings,
    IReadOnlyList<FollowUp> FollowUps)
{
    /// <summary>A demo AI triage algorithm, live for one trust and silent for the others.</summary>
    public IReadOnlyList<AiAlgorithm> AiAlgorithms { get; init; } = [];

    /// <summary>Its results on reported CT heads, each answered by the reporter who signed the exam.</summary>
    public IReadOnlyList<AiResult> AiResults { get; init; } = [];
}
