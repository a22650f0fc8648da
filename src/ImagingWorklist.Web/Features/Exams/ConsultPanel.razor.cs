using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Reporters;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Exams;

public partial class ConsultPanel
{
    private bool _named;
    private Skill _skill;
    private Guid? _specialist;
    private string? _question;
    private string? _answer;
    private string? _message;
    private bool _ok;
    private bool _busy;
    private IReadOnlyList<SpecialistOption> _candidates = [];

    [Parameter, EditorRequired]
    public ExamDetails Details { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ConsultView> Consults { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _skill = Details.RequiredSkill;
        await LoadCandidatesAsync();
    }

    private async Task SkillChangedAsync(Skill skill)
    {
        _skill = skill;
        _specialist = null;
        await LoadCandidatesAsync();
    }

    private async Task LoadCandidatesAsync()
    {
        if (Actor.ReporterId is { } me)
        {
            _candidates = await ConsultService.CandidatesAsync(Details.ExamId, me, _skill);
        }
    }

    private async Task AskAsync()
    {
        _busy = true;
        var asked =
            await ConsultService.AskAsync(Details.ExamId, Actor.ReporterId!.Value, _named ? _specialist : null, _skill, _question
            ?? string.Empty, Actor);
        _busy = false;
        Say(asked.Succeeded ? "Asked. The answer will appear here, and you will be told when it comes." : asked.Reason!, asked.Succeeded);
        if (asked.Succeeded)
        {
            _question = null;
            await OnChanged.InvokeAsync();
        }
    }

    private async Task AnswerAsync(Guid consultId)
    {
        _busy = true;
        var answered = await ConsultService.AnswerAsync(consultId, Actor.ReporterId!.Value, _answer ?? string.Empty, Actor);
        _busy = false;
        Say(answered.Succeeded ? "Your opinion was sent; the reporter who asked has been told." : answered.Reason!, answered.Succeeded);
        if (answered.Succeeded)
        {
            _answer = null;
            await OnChanged.InvokeAsync();
        }
    }

    private void Say(string message, bool ok)
    {
        _message = message;
        _ok = ok;
    }
}
