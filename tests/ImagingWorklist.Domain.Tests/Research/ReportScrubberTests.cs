using System.Text.RegularExpressions;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Domain.Tests.Research;

/// <summary>
/// A corpus of realistic reports with identifiers planted the ways they turn up in practice (dictated, pasted from the
/// RIS, typed by a clinician), scrubbed with what the database knows: nothing planted may survive, and the clinical
/// words must.
/// </summary>
public class ReportScrubberTests
{
    private sealed record PlantedPatient(string Given, string Family, string Nhs, string Mrn, string Accession, string Born, string Phone,
        string Address, string Postcode);

    private static readonly PlantedPatient[] Patients =
    [
        new("Margaret", "Oyelaran-Smith", "943 476 5919", "RX1234567", "RHW00012345", "14/02/1948", "0113 496 0123", "12 Acacia Road",
            "LS1 3EX"),
        new("Dafydd", "Pritchard", "4010232137", "H889201", "RR800004321", "3 March 1961", "07700 900461", "Flat 2, 47b Church Street",
            "CF10 1AA"),
        new("Siobhan", "O'Neill", "401-023-2137", "M0000017", "RAE00000077", "1975-11-30", "+44 (0)20 7946 0958", "5 Kings Court",
            "SW1A 1AA"),
        new("Li", "Wong", "485 777 3456", "K7788123", "RCB00098765", "March 9, 1990", "+44 161 496 0000", "221 Baker Street",
            "NW1 6XE"),
    ];

    private static readonly string[] Staff = ["Dr Ayesha Rahman", "Mr Tomasz Nowak", "Sister Grace Adeyemi"];

    private static readonly string[] Templates =
    [
        "CT HEAD WITHOUT CONTRAST\nPatient: {Given} {Family}, DOB {Born}, NHS No. {Nhs}.\nClinical details: fall.\n" +
            "Findings: No acute intracranial haemorrhage. No midline shift.\nReported by Dr Ayesha Rahman.",
        "Comparison is made with the previous examination (accession {Accession}). MRN {Mrn}.\nThe lungs are clear. " +
            "Impression: no consolidation. Discussed with Mr Tomasz Nowak on 12/11/2026 at 14:20 by telephone ({Phone}).",
        "Mrs {Family} ({Given}) attended from {Address}, {Postcode}. Ultrasound abdomen: the liver is normal in size. " +
            "Gallbladder contains several calculi. Next of kin contact {Phone}.",
        "{Family}, {Given} — hospital number {Mrn}, NHS number {Nhs}, born {Born}. MRI lumbar spine: disc protrusion at " +
            "L4/5 contacting the traversing L5 nerve root. Sister Grace Adeyemi informed.",
        "FINAL REPORT {Accession}\nChest radiograph. Heart size normal. Small left pleural effusion. Follow up advised in 6 weeks. " +
            "Letter to GP at {Address} {Postcode}. Verbal report to Dr Nowak.",
        "Critical result: pulmonary embolism. Phoned to the ward ({Phone}) and spoken to Dr {Family}'s colleague; patient " +
            "{Given} {Family} ({Nhs}) to start anticoagulation. Acc {Accession}.",
    ];

    public static TheoryData<int, int> Corpus()
    {
        var data = new TheoryData<int, int>();
        for (var p = 0; p < Patients.Length; p++)
        {
            for (var t = 0; t < Templates.Length; t++)
            {
                data.Add(p, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void NoPlantedIdentifierSurvives(int patientIndex, int templateIndex)
    {
        var patient = Patients[patientIndex];
        var text = Fill(Templates[templateIndex], patient);
        var known = new ScrubKnowledge([$"{patient.Given} {patient.Family}"],
            [patient.Nhs.Replace(" ", string.Empty, StringComparison.Ordinal), patient.Mrn, patient.Accession]);

        var scrubbed = new ReportScrubber(Staff).Scrub(text, known);

        string[] planted =
        [
            patient.Given, patient.Family, patient.Mrn, patient.Accession, patient.Born, patient.Address, patient.Postcode, "Rahman",
            "Ayesha", "Nowak", "Tomasz", "Adeyemi", "Grace", "12/11/2026", "47b Church",
        ];
        foreach (var identifier in planted)
        {
            Assert.DoesNotMatch($@"(?i)(?<!\w){Regex.Escape(identifier)}(?!\w)", scrubbed.Text);
        }

        var digits = new string([.. scrubbed.Text.Where(char.IsAsciiDigit)]);
        Assert.DoesNotContain(Digits(patient.Nhs), digits, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits(patient.Phone)[^9..], digits, StringComparison.Ordinal);
        Assert.True(scrubbed.Removed > 0);
    }

    [Fact]
    public void ClinicalWordsAndMeasurementsSurvive()
    {
        const string text = "Findings: 12 mm nodule in the right upper lobe, series 4 image 112. T2 hyperintense lesion at C5/6. " +
            "No acute intracranial haemorrhage. Ejection fraction 55%. Follow up CT in 3 months. Head of pancreas normal.";
        var known = new ScrubKnowledge(["Anne Head", "Dr Bone"], ["RX1234567"]);

        var scrubbed = new ReportScrubber([]).Scrub(text, known);

        Assert.Equal(text.Replace("Head of", "[NAME] of", StringComparison.Ordinal), scrubbed.Text);
    }

    [Theory]
    [InlineData("Seen by Dr J. Patel today", "Seen by [NAME] today")]
    [InlineData("Call 0161 496 0000 or 07700900461", "Call [PHONE] or [PHONE]")]
    [InlineData("NHS 9434765919 and 943-476-5919", "NHS [NHS NUMBER] and [NHS NUMBER]")]
    [InlineData("Dated 2026-11-30, 30.11.26, 30th of November 2026 and November 2026", "Dated [DATE], [DATE], [DATE] and [DATE]")]
    [InlineData("Lives at 3 Mill Lane, LS6 2AB", "Lives at [ADDRESS], [ADDRESS]")]
    [InlineData("Accession number: RHW00012345", "[IDENTIFIER]")]
    [InlineData("Compared with RR800004321 and 1234567", "Compared with [IDENTIFIER] and [IDENTIFIER]")]
    public void EachPatternIsReplacedByItsKind(string text, string expected) =>
        Assert.Equal(expected, new ReportScrubber([]).Scrub(text, ScrubKnowledge.None).Text);

    private static string Fill(string template, PlantedPatient p) => template
        .Replace("{Given}", p.Given, StringComparison.Ordinal).Replace("{Family}", p.Family, StringComparison.Ordinal)
        .Replace("{Nhs}", p.Nhs, StringComparison.Ordinal).Replace("{Mrn}", p.Mrn, StringComparison.Ordinal)
        .Replace("{Accession}", p.Accession, StringComparison.Ordinal).Replace("{Born}", p.Born, StringComparison.Ordinal)
        .Replace("{Phone}", p.Phone, StringComparison.Ordinal).Replace("{Address}", p.Address, StringComparison.Ordinal)
        .Replace("{Postcode}", p.Postcode, StringComparison.Ordinal);

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
