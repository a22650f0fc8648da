using ImagingWorklist.Domain.Ai;

namespace ImagingWorklist.Domain.Tests.Ai;

public sealed class AiAlgorithmTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FindingsAreReadOneALineAndEveryBadLineIsNamed()
    {
        var good = AiFindingCode.ParseLines("ICH = Suspected intracranial haemorrhage\r\n\n  MLS=Midline shift  \n");
        Assert.True(good.Succeeded, good.Reason);
        Assert.Equal([new AiFindingCode("ICH", "Suspected intracranial haemorrhage"), new AiFindingCode("MLS", "Midline shift")],
            good.Value!);
        Assert.Equal("ICH = Suspected intracranial haemorrhage\nMLS = Midline shift", AiFindingCode.WriteLines(good.Value!));

        var bad = AiFindingCode.ParseLines("ICH\n= words\nA B = spaced\nX^Y = separator\nICH = Again\nich = again\nOK = fine\nN = \u0001");
        Assert.False(bad.Succeeded);
        foreach (var expected in new[] { "Line 1 must read", "Line 2 must read", "Line 3: the code", "Line 4: the code",
            "Line 6: the code ich is already listed", "Line 8: the words" })
        {
            Assert.Contains(expected, bad.Reason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Line 7", bad.Reason, StringComparison.Ordinal);
        Assert.Contains("at least one finding", AiFindingCode.ParseLines(" \n ").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlgorithmNeedsItsNameVendorVersionApplicationAndFindings()
    {
        var refused = AiAlgorithm.Register(Guid.NewGuid(), new AiAlgorithmDraft(" ", null, "2", "A|B", "ICH = Bleed", []), Now);

        Assert.False(refused.Succeeded);
        Assert.Contains("Give the algorithm's name.", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("Give the vendor.", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("cannot hold the HL7 separators", refused.Reason, StringComparison.Ordinal);

        var trust = Guid.NewGuid();
        var algorithm =
            AiAlgorithm.Register(Guid.NewGuid(), new AiAlgorithmDraft(" qER ", "Qure.ai", "2", " QER ", "ICH = Bleed", [trust, trust]), Now)
                .ValueOrThrow();
        Assert.Equal(("qER v2", "QER", 1), (algorithm.Label, algorithm.Application, algorithm.LiveTrustIds.Count));
        Assert.True(algorithm.IsLiveFor(trust));
        Assert.False(algorithm.IsLiveFor(Guid.NewGuid()));
        Assert.Equal("ICH", algorithm.Finding(" ich ")?.Code);
        Assert.Null(algorithm.Finding("PE"));
        Assert.Equal("Triage v2024.1", AiAlgorithm.LabelOf("Triage", "2024.1"));
        Assert.Equal("Brainy beta", AiAlgorithm.LabelOf("Brainy", "beta"));
    }

    [Fact]
    public void TheExamsFlagIsTheMostConfidentLivePositiveAndSilentOrNegativeResultsRaiseNone()
    {
        var exam = Guid.NewGuid();
        var trust = Guid.NewGuid();
        var live = Algorithm("qER", "QER", "ICH = Suspected intracranial haemorrhage\nMLS = Midline shift", trust);
        var silent = Algorithm("Other", "OTHER", "ICH = Suspected intracranial haemorrhage");

        var quiet = AiResult.Record(Guid.NewGuid(), exam, trust, silent, silent.Findings[0], true, 0.99, "HL7 v2", Now);
        var negative = AiResult.Record(Guid.NewGuid(), exam, trust, live, live.Findings[0], false, 0.05, "HL7 v2", Now);
        Assert.Null(AiResult.FlagFor([quiet, negative]));

        var shift = AiResult.Record(Guid.NewGuid(), exam, trust, live, live.Findings[1], true, 0.71, "FHIR", Now);
        negative.Replace(live, live.Findings[0], true, 0.934, "HL7 v2", Now.AddMinutes(1));
        Assert.Equal("AI (qER v2) flagged suspected intracranial haemorrhage, score 0.93", AiResult.FlagFor([quiet, shift, negative]));
        Assert.Equal("AI (qER v2) flagged midline shift", AiResult.FlagOf("qER v2", "Midline shift", null));
        Assert.Equal("AI (X) flagged ICH", AiResult.FlagOf("X", "ICH", null));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AiResult.Record(Guid.NewGuid(), exam, trust, live, live.Findings[0], true, 93, "HL7 v2", Now));
    }

    [Fact]
    public void ANewerResultClearsTheAnswerGivenToTheOldOne()
    {
        var trust = Guid.NewGuid();
        var algorithm = Algorithm("qER", "QER", "ICH = Bleed", trust);
        var result = AiResult.Record(Guid.NewGuid(), Guid.NewGuid(), trust, algorithm, algorithm.Findings[0], true, 0.9, "HL7 v2", Now);
        Assert.True(result.Judge(true, "Dr A", Now).Succeeded);
        Assert.False(result.Judge(true, " ", Now).Succeeded);

        result.Replace(algorithm, algorithm.Findings[0], false, 0.1, "HL7 v2", Now.AddMinutes(5));

        Assert.Equal(((bool?)null, (string?)null, false), (result.Present, result.JudgedBy, result.RaisesUrgency));
    }

    private static AiAlgorithm Algorithm(string name, string application, string findings, params Guid[] live) =>
        AiAlgorithm.Register(Guid.NewGuid(), new AiAlgorithmDraft(name, "Vendor", "2", application, findings, live), Now).ValueOrThrow();
}
