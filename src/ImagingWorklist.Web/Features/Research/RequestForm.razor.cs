using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Research;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Research;

public partial class RequestForm
{
    private IReadOnlyList<(string Code, string Name)> _trustChoices = [];
    private string? _title;
    private string? _reference;
    private string? _purpose;
    private IReadOnlyCollection<string> _trusts = [];
    private DateTime? _from;
    private DateTime? _to;
    private IReadOnlyCollection<Modality> _modalities = [];
    private IReadOnlyCollection<Pathway> _pathways = [];
    private string? _procedures;
    private int? _ageFrom;
    private int? _ageTo;
    private string? _text;
    private DateTime? _expires;
    private ExtractFields _fields = ExtractFields.Modality | ExtractFields.Procedure | ExtractFields.AgeBand | ExtractFields.Sex |
        ExtractFields.ReportText;
    private string? _problem;
    private bool _busy;

    [Inject]
    private DataAccessRequests Requests { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter]
    public EventCallback<Guid> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _trustChoices = await Requests.TrustChoicesAsync();
        var today = UkCalendar.DayOf(Clock.GetUtcNow());
        _to = today.ToDateTime(TimeOnly.MinValue);
        _from = today.AddYears(-1).ToDateTime(TimeOnly.MinValue);
        _expires = today.AddYears(1).ToDateTime(TimeOnly.MinValue);
    }

    private void Toggle(ExtractFields field, bool on) => _fields = on ? _fields | field : _fields & ~field;

    private async Task SaveAsync()
    {
        _problem = null;
        if (_from is null || _to is null || _expires is null)
        {
            _problem = "Give the date range and the expiry as dates (dd/mm/yyyy).";
            return;
        }

        var cohort = new ResearchCohort
        {
            TrustCodes = [.. _trusts],
            From = DateOnly.FromDateTime(_from.Value),
            To = DateOnly.FromDateTime(_to.Value),
            Modalities = [.. _modalities],
            Pathways = [.. _pathways],
            ProcedureCodes = [.. (_procedures ?? string.Empty).Split([',', ';', ' '],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToUpperInvariant()).Distinct()],
            AgeFrom = _ageFrom,
            AgeTo = _ageTo,
            TextContains = _text,
        };
        _busy = true;
        var saved = await Requests.DraftAsync(new DataAccessDraft(_title, _purpose, _reference, cohort, _fields,
            DateOnly.FromDateTime(_expires.Value)), Actor);
        _busy = false;
        if (!saved.Succeeded)
        {
            _problem = saved.Reason;
            return;
        }

        await OnSaved.InvokeAsync(saved.Value);
    }
}
