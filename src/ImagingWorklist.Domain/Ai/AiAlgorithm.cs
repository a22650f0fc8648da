using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Ai;

/// <summary>
/// An AI triage algorithm the network receives results from: who makes it, which version, the application name its results
/// carry (MSH-3 in HL7 v2, the Device identifier in FHIR), the findings it may send, and the trusts it is live for. Where it
/// is live its positive findings raise the exam's urgency; everywhere else it is silent: results are recorded and measured
/// against the radiologists, and change nothing on anyone's list.
/// </summary>
public sealed class AiAlgorithm
{
    public const int NameMaxLength = 100;
    public const int VendorMaxLength = 100;
    public const int VersionMaxLength = 40;
    public const int ApplicationMaxLength = 180;

    private AiAlgorithm()
    {
        Name = string.Empty;
        Vendor = string.Empty;
        AlgorithmVersion = string.Empty;
        Application = string.Empty;
        Findings = [];
        LiveTrustIds = [];
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Vendor { get; private set; }

    /// <summary>The algorithm's own version, as its vendor names it.</summary>
    public string AlgorithmVersion { get; private set; }

    /// <summary>The name its results are sent under: MSH-3 (first component) or the FHIR Device identifier's value.</summary>
    public string Application { get; private set; }

    public List<AiFindingCode> Findings { get; private set; }

    /// <summary>The trusts where its positive findings raise urgency; silent everywhere else.</summary>
    public List<Guid> LiveTrustIds { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>How people see it: name and version, "qER v2".</summary>
    public string Label => LabelOf(Name, AlgorithmVersion);

    public static string LabelOf(string name, string version) =>
        version.Length > 0 && char.IsAsciiDigit(version[0]) ? $"{name} v{version}" : $"{name} {version}".Trim();

    public static Outcome<AiAlgorithm> Register(Guid id, AiAlgorithmDraft draft, DateTimeOffset now)
    {
        var algorithm = new AiAlgorithm { Id = id, CreatedAt = now };
        var changed = algorithm.Change(draft, now);
        return changed.Succeeded ? Outcome<AiAlgorithm>.Accepted(algorithm) : Outcome<AiAlgorithm>.Rejected(changed.Reason!);
    }

    public Outcome Change(AiAlgorithmDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        RequiredText.Check(problems, draft.Name, "the algorithm's name", NameMaxLength);
        RequiredText.Check(problems, draft.Vendor, "the vendor", VendorMaxLength);
        RequiredText.Check(problems, draft.Version, "the version", VersionMaxLength);
        RequiredText.Check(problems, draft.Application,
            "the application name its results carry (MSH-3 or the FHIR Device identifier)", ApplicationMaxLength);
        if (draft.Application?.Trim() is { Length: > 0 } application && application.Any(c => c is '^' or '|' or '&' or '~' or '\\'))
        {
            problems.Add("The application name cannot hold the HL7 separators ^|&~\\.");
        }

        var findings = AiFindingCode.ParseLines(draft.Findings);
        if (!findings.Succeeded)
        {
            problems.Add(findings.Reason!);
        }

        if (problems.Count > 0)
        {
            return Outcome.Rejected(string.Join(" ", problems));
        }

        Name = draft.Name!.Trim();
        Vendor = draft.Vendor!.Trim();
        AlgorithmVersion = draft.Version!.Trim();
        Application = draft.Application!.Trim();
        Findings = [.. findings.Value!];
        LiveTrustIds = [.. draft.LiveTrusts.Distinct().Order()];
        UpdatedAt = now;
        Version++;
        return Outcome.Accepted;
    }

    public bool IsLiveFor(Guid trustId) => LiveTrustIds.Contains(trustId);

    /// <summary>The registered finding a result's code names (codes compare without regard to case), or null.</summary>
    public AiFindingCode? Finding(string code) =>
        Findings.FirstOrDefault(f => string.Equals(f.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
