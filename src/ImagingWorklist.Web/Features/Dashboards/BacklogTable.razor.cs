using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Dashboards;

public partial class BacklogTable
{
    private static readonly BacklogMeasure[] Measures = Enum.GetValues<BacklogMeasure>();

    /// <summary>The age bands, youngest first: together they make up the open count.</summary>
    internal static readonly BacklogMeasure[] AgeBands =
    [
        BacklogMeasure.Under24Hours, BacklogMeasure.OneToThreeDays, BacklogMeasure.ThreeToSevenDays,
        BacklogMeasure.OneToTwoWeeks, BacklogMeasure.TwoToFourWeeks, BacklogMeasure.OverFourWeeks,
    ];

    internal List<ChartSeries<double>> AgeSeries => [.. AgeBands.Select(band => new ChartSeries<double>
    {
        Name = Heading(band),
        Data = new ChartData<double>([.. _table!.Lines.Select(l => (double)l[band])]),
    })];

    private string[] ChartLabels => [.. _table!.Lines.Select(l => Short(LabelOf(_by, l)))];

    /// <summary>A chart axis has room for a word or two: "Northfell Teaching", not the trust's full legal name.</summary>
    private static string Short(string label)
    {
        var words = new List<string>();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "NHS" || words.Sum(w => w.Length + 1) >= 12)
            {
                break;
            }

            words.Add(word);
        }

        while (words.Count > 1 && words[^1] is "and" or "of" or "the")
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count == 0 ? label : string.Join(' ', words);
    }
    private BacklogDimension _by = BacklogDimension.Trust;
    private BacklogBreakdown? _table;
    private LiveUpdates? _live;

    [Parameter, EditorRequired]
    public Application.Security.AccessScope Scope { get; set; } = null!;

    /// <summary>Live, but at most every five seconds (the network's counts are plenty for that); never a change dropped.</summary>
    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), atMostEvery: TimeSpan.FromSeconds(5));
    }

    private async Task ByChangedAsync(BacklogDimension by)
    {
        _by = by;
        await LoadAsync();
    }

    private async Task LoadAsync() => _table = await Breakdown.BreakdownAsync(_by, Scope);

    internal static string LabelOf(BacklogDimension by, BacklogLine line) => by switch
    {
        BacklogDimension.Pathway => Labels.Of(Enum.Parse<Pathway>(line.Key)),
        BacklogDimension.Priority => Labels.Of(Enum.Parse<ClinicalPriority>(line.Key)),
        _ => line.Label,
    };

    internal static string Of(BacklogDimension dimension) => dimension switch
    {
        BacklogDimension.Trust => "Trust",
        BacklogDimension.Site => "Site",
        BacklogDimension.Modality => "Modality",
        BacklogDimension.Pathway => "Pathway",
        _ => "Priority",
    };

    internal static string Heading(BacklogMeasure measure) => measure switch
    {
        BacklogMeasure.Open => "Open",
        BacklogMeasure.Under24Hours => "< 24 h",
        BacklogMeasure.OneToThreeDays => "1–3 d",
        BacklogMeasure.ThreeToSevenDays => "3–7 d",
        BacklogMeasure.OneToTwoWeeks => "1–2 w",
        BacklogMeasure.TwoToFourWeeks => "2–4 w",
        BacklogMeasure.OverFourWeeks => "> 4 w",
        BacklogMeasure.Unassigned => "Unassigned",
        BacklogMeasure.AtRisk4Hours => "At risk 4 h",
        BacklogMeasure.AtRisk24Hours => "At risk 24 h",
        BacklogMeasure.AtRisk72Hours => "At risk 72 h",
        _ => "Breached",
    };

    /// <summary>A figure in words, for a title that has room for them.</summary>
    internal static string Describe(BacklogMeasure measure) => measure switch
    {
        BacklogMeasure.Open => "open exams",
        BacklogMeasure.Under24Hours => "open under 24 hours",
        BacklogMeasure.OneToThreeDays => "open 1 to 3 days",
        BacklogMeasure.ThreeToSevenDays => "open 3 to 7 days",
        BacklogMeasure.OneToTwoWeeks => "open 1 to 2 weeks",
        BacklogMeasure.TwoToFourWeeks => "open 2 to 4 weeks",
        BacklogMeasure.OverFourWeeks => "open over 4 weeks",
        BacklogMeasure.Unassigned => $"ready and unclaimed for over {(int)BacklogBreakdownQuery.UnassignedAfter.TotalHours} hours",
        BacklogMeasure.AtRisk4Hours => "due within 4 hours",
        BacklogMeasure.AtRisk24Hours => "due within 24 hours",
        BacklogMeasure.AtRisk72Hours => "due within 72 hours",
        _ => "past their due time",
    };

    public void Dispose() => _live?.Dispose();
}
