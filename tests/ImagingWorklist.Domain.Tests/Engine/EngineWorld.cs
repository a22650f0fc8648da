using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Domain.Tests.Engine;

/// <summary>Small worlds for engine tests: hand-made ones for the rule tables, seeded random ones for the properties.</summary>
internal sealed class EngineWorld
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly Guid TrustA = new("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid TrustB = new("bbbbbbbb-0000-0000-0000-000000000002");
    public static readonly Guid SiteA1 = new("aaaaaaaa-0000-0000-0000-0000000000a1");
    public static readonly Guid SiteA2 = new("aaaaaaaa-0000-0000-0000-0000000000a2");
    public static readonly Guid SiteB1 = new("bbbbbbbb-0000-0000-0000-0000000000b1");

    private static readonly (Guid Trust, Guid Site)[] Sites = [(TrustA, SiteA1), (TrustA, SiteA2), (TrustB, SiteB1)];

    public static EngineExam Exam(
        Skill skill = Skill.Neuro,
        Modality modality = Modality.CT,
        Pathway pathway = Pathway.Outpatient,
        ClinicalPriority priority = ClinicalPriority.Routine,
        TimeSpan? dueIn = null,
        TimeSpan? waited = null,
        int minutes = 15,
        Guid? trust = null,
        Guid? site = null,
        string? patient = null,
        string bodyPart = "HEAD") =>
        new(
            Guid.NewGuid(),
            trust ?? TrustA,
            site ?? SiteA1,
            modality,
            bodyPart,
            skill,
            minutes,
            pathway,
            priority,
            Now - (waited ?? TimeSpan.FromHours(1)),
            Now + (dueIn ?? TimeSpan.FromDays(3)),
            patient ?? Guid.NewGuid().ToString("N"),
            $"{modality} {bodyPart.ToLowerInvariant()}");

    public static EngineReporter Reporter(
        string name = "Dr Test",
        ProfessionalRole role = ProfessionalRole.ConsultantRadiologist,
        IEnumerable<ReporterSkill>? skills = null,
        IEnumerable<string>? scope = null,
        IEnumerable<Guid>? credentialedFor = null,
        int capacity = 240,
        CoverScope cover = CoverScope.Network,
        IEnumerable<Guid>? covered = null,
        bool onDuty = true,
        bool onLeave = false,
        ShiftKind kind = ShiftKind.InHoursSession) =>
        new(
            Guid.NewGuid(),
            name,
            role,
            [.. skills ?? [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Neuro, 3)]],
            [.. scope ?? []],
            [.. (credentialedFor ?? [TrustA, TrustB]).Select(t => new EngineCredential(t, Now.AddYears(-1), null))],
            onDuty ? [new EngineShift(Now.AddHours(-2), Now.AddHours(6), kind, cover, [.. covered ?? []], capacity)] : [],
            onLeave ? [(Now.AddDays(-1), Now.AddDays(1))] : []);

    /// <summary>A random small network: 1–6 reporters with mixed skills, credentials, cover and capacity; 1–40 exams.</summary>
    public static (List<EngineExam> Exams, List<EngineReporter> Reporters) Random(int seed, int? reporters = null, int? exams = null)
    {
        var random = new Random(seed);
        Skill[] skills = [Skill.Neuro, Skill.Chest, Skill.Musculoskeletal, Skill.Breast];
        Modality[] modalities = [Modality.DX, Modality.CT, Modality.MR, Modality.US];
        var people = Enumerable.Range(0, reporters ?? random.Next(1, 7)).Select(i =>
        {
            var role = (ProfessionalRole)random.Next(3);
            var held = skills.Where(_ => random.Next(2) == 0).Select(s => new ReporterSkill(s, random.Next(1, 4)))
                .Append(new ReporterSkill(Skill.General, random.Next(1, 3)));
            var scope = role == ProfessionalRole.ConsultantRadiologist ? [] : new[] { "DX:*", "CT:HEAD" };
            var trusts = new[] { TrustA, TrustB }.Where(_ => random.Next(3) > 0).ToList();
            var cover = (CoverScope)random.Next(3);
            var covered = cover == CoverScope.Trusts ? [TrustA] : cover == CoverScope.Sites ? new[] { SiteA1, SiteB1 } : [];
            return Reporter($"R{i}", role, held, scope, trusts, random.Next(10, 120), cover, covered, onDuty: random.Next(5) > 0,
                onLeave: random.Next(8) == 0);
        }).ToList();
        var patients = Enumerable.Range(0, 12).Select(p => $"P{p}").ToArray();
        var work = Enumerable.Range(0, exams ?? random.Next(1, 41)).Select(_ =>
        {
            var (trust, site) = Sites[random.Next(Sites.Length)];
            return Exam(
                skills[random.Next(skills.Length)],
                modalities[random.Next(modalities.Length)],
                (Pathway)random.Next(6),
                (ClinicalPriority)random.Next(4),
                TimeSpan.FromMinutes(random.Next(-600, 6000)),
                TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 25)),
                random.Next(1, 40),
                trust,
                site,
                patients[random.Next(patients.Length)],
                random.Next(2) == 0 ? "HEAD" : "CHEST");
        }).ToList();
        return (work, people);
    }
}
