using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Benchmarks;

/// <summary>A network at national-deployment scale for the engine benchmarks: 8 trusts, 24 sites, a realistic exam mix.</summary>
internal static class SyntheticNetwork
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly (Skill Skill, Modality Modality, string BodyPart, int Minutes)[] Procedures =
    [
        (Skill.Chest, Modality.DX, "CHEST", 2), (Skill.Musculoskeletal, Modality.DX, "KNEE", 2),
            (Skill.Musculoskeletal, Modality.DX, "HAND", 2),
        (Skill.Abdominal, Modality.DX, "ABDOMEN", 2), (Skill.Abdominal, Modality.US, "ABDOMEN", 10),
            (Skill.Genitourinary, Modality.US, "PELVIS", 10),
        (Skill.Neuro, Modality.CT, "HEAD", 16), (Skill.Chest, Modality.CT, "CHEST", 16), (Skill.Abdominal, Modality.CT, "ABDOMEN", 18),
        (Skill.Neuro, Modality.MR, "HEAD", 20), (Skill.Musculoskeletal, Modality.MR, "KNEE", 18), (Skill.Breast, Modality.MG, "BREAST", 4),
    ];

    public static (Guid Trust, Guid Site)[] Sites(int trusts = 8, int sitesPerTrust = 3)
    {
        var random = new Random(1);
        return [.. Enumerable.Range(0, trusts).SelectMany(t =>
        {
            var trust = NewGuid(random);
            return Enumerable.Range(0, sitesPerTrust).Select(_ => (trust, NewGuid(random)));
        })];
    }

    public static List<EngineExam> Exams(int count, (Guid Trust, Guid Site)[] sites, int seed = 2)
    {
        var random = new Random(seed);
        var exams = new List<EngineExam>(count);
        for (var i = 0; i < count; i++)
        {
            var (skill, modality, bodyPart, minutes) = Procedures[random.Next(Procedures.Length)];
            var (trust, site) = sites[random.Next(sites.Length)];
            var pathway = (Pathway)random.Next(6);
            var ready = Now.AddMinutes(-random.Next(1, 60 * 24 * 20));
            exams.Add(new EngineExam(
                NewGuid(random), trust, site, modality, bodyPart, skill, minutes, pathway, (ClinicalPriority)random.Next(4),
                ready, ready.AddHours(random.Next(1, 24 * 21)), $"P{random.Next(count / 2)}", $"{modality} {bodyPart}"));
        }

        return exams;
    }

    public static List<EngineReporter> Reporters(int count, (Guid Trust, Guid Site)[] sites, int seed = 3)
    {
        var random = new Random(seed);
        var trusts = sites.Select(s => s.Trust).Distinct().ToArray();
        Skill[] specialties = [Skill.Neuro, Skill.Chest, Skill.Musculoskeletal, Skill.Abdominal, Skill.Genitourinary, Skill.Breast];
        return [.. Enumerable.Range(0, count).Select(i => new EngineReporter(
            NewGuid(random),
            $"Reporter {i}",
            ProfessionalRole.ConsultantRadiologist,
            [new ReporterSkill(Skill.General, 2), .. specialties.OrderBy(_ => random.Next()).Take(2).Select(s => new ReporterSkill(s, 3))],
            [],
            [.. trusts.OrderBy(_ => random.Next()).Take(3).Select(t => new EngineCredential(t, Now.AddYears(-1), null))],
            [new EngineShift(Now.AddHours(-2), Now.AddHours(6), ShiftKind.InHoursSession, CoverScope.Network, [], 300)],
            []))];
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
