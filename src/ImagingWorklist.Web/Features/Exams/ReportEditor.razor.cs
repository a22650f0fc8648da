using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ImagingWorklist.Web.Features.Exams;

/// <summary>
/// Writing, verifying and signing the report. The holder's text is saved as they type (and copied to the tab's storage
/// before that, so a dropped connection loses no keystroke); every signature first shows the patient once more.
/// </summary>
public sealed partial class ReportEditor
{
    private static readonly TimeSpan SavePause = TimeSpan.FromMilliseconds(800);

    private string _text = string.Empty;
    private string _shown = string.Empty;
    private int _boxVersion;
    private CancellationTokenSource? _pendingSave;
    private string? _comment;
    private string? _addendum;
    private SignStep? _confirming;
    private DateTimeOffset? _savedAt;
    private string? _saveError;
    private bool _saving;
    private bool _busy;
    private Guid? _loadedFor;
    private bool _reveal;

    public enum EditorMode
    {
        ReadOnly,
        Holder,
        Verifier,
    }

    public enum SignStep
    {
        Preliminary,
        Sign,
        SignAndNext,
        Verify,
        Addendum,
    }

    [Parameter, EditorRequired]
    public ExamDetails Details { get; set; } = null!;

    [Parameter, EditorRequired]
    public ExamReporting Reporting { get; set; } = null!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter]
    public bool IsRegistrar { get; set; }

    /// <summary>For a registrar: who could verify the report once it is signed.</summary>
    [Parameter]
    public VerifierOutlook? Verifiers { get; set; }

    /// <summary>
    /// Called with what happened (to show) after a signature or return, and whether the reporter asked to go straight
    /// on to the next case; the page reloads what it shows, or opens that case.
    /// </summary>
    [Parameter]
    public EventCallback<(string Message, bool Next)> OnSigned { get; set; }

    /// <summary>Called when a save had to take the claim up again (the new lease), or failed.</summary>
    [Parameter]
    public EventCallback<DraftSaved> OnReclaimed { get; set; }

    [Inject]
    private ReportingService Reports { get; set; } = null!;

    [Inject]
    private IJSRuntime JavaScript { get; set; } = null!;

    private Guid? ReporterId => Actor.ReporterId;

    private ReportView? Working => Reporting.Working;

    private EditorMode Mode =>
        Details.Access.Holds ? EditorMode.Holder
        : Details.Access.MayVerify && Working?.Status == ReportStatus.AwaitingVerification ? EditorMode.Verifier
        : EditorMode.ReadOnly;

    private string SaveState =>
        _saveError is { } error ? $"Not saved: {error}"
        : _saving ? "Saving…"
        : _savedAt is { } at ? $"Draft saved at {UkCalendar.ToLocal(at):HH:mm:ss}"
        : Working is not null ? "Draft loaded" : "Nothing written yet";

    protected override void OnParametersSet()
    {
        // Only on first load (or when the exam changes): a push while typing must never replace the text in the box.
        if (_loadedFor != Details.ExamId)
        {
            _loadedFor = Details.ExamId;
            _text = _shown = Working?.Text ?? string.Empty;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reveal && _confirming is not null)
        {
            _reveal = false;
            await JavaScript.InvokeVoidAsync("iwReveal", "sign-confirm");
        }
        else if (_confirming is not null)
        {
            await JavaScript.InvokeVoidAsync("iwKeepFocus", "sign-confirm");
        }

        if (!firstRender || Mode != EditorMode.Holder)
        {
            return;
        }

        var copy = await JavaScript.InvokeAsync<StoredDraft?>("iwDrafts.take", Details.ExamId.ToString());
        if (copy is null || copy.Text == _text)
        {
            return;
        }

        // Restore only what this reporter typed after the server's last save: never someone else's older text.
        var copiedAt = DateTimeOffset.FromUnixTimeMilliseconds(copy.At);
        var mine = Working is null || Working.LastEditedById == ReporterId;
        if (mine && (Working is null || copiedAt > Working.UpdatedAt))
        {
            await TextChangedAsync(copy.Text);
            StateHasChanged();
        }
    }

    /// <summary>Text put into the box by the page (a template, a restored copy): shown, then saved at once.</summary>
    private async Task TextChangedAsync(string text)
    {
        _text = _shown = text ?? string.Empty;
        _boxVersion++;
        await SaveAsync();
    }

    /// <summary>The reporter typed: keep the text, and save it once typing pauses.</summary>
    private void Typed(ChangeEventArgs change)
    {
        _text = change.Value?.ToString() ?? string.Empty;
        _pendingSave?.Cancel();
        _pendingSave = new CancellationTokenSource();
        var pause = _pendingSave.Token;
        _ = Task.Delay(SavePause, pause).ContinueWith(
            _ => InvokeAsync(async () =>
            {
                await SaveAsync();
                StateHasChanged();
            }),
            pause,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    public void Dispose() => _pendingSave?.Cancel();

    private async Task<bool> SaveAsync()
    {
        if (ReporterId is not { } reporter)
        {
            return false;
        }

        _saving = true;
        try
        {
            var saved = await Reports.SaveDraftAsync(Details.ExamId, reporter, _text, Actor);
            _saveError = saved.Succeeded ? null : saved.Reason;
            if (saved.Succeeded)
            {
                _savedAt = saved.Value!.SavedAt;
                if (saved.Value.Notice is not null)
                {
                    await OnReclaimed.InvokeAsync(saved.Value);
                }
            }

            return saved.Succeeded;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task InsertTemplateAsync(ReportTemplate template) => await TextChangedAsync(template.Text);

    private void Confirm(SignStep step)
    {
        _confirming = step;
        _reveal = true;
    }

    private string StepTitle(SignStep step) => step switch
    {
        SignStep.Preliminary => "Issue preliminary report",
        SignStep.Verify => "Verify and sign",
        SignStep.Addendum => "Sign addendum",
        SignStep.SignAndNext => IsRegistrar ? "Send for verification and open the next case" : "Sign and open the next case",
        _ => "Sign report",
    };

    private async Task CompleteAsync(SignStep step)
    {
        if (ReporterId is not { } reporter)
        {
            return;
        }

        _busy = true;
        try
        {
            var patient = Details.Patient;
            string? done = null;
            string? refusal;
            switch (step)
            {
                case SignStep.Preliminary:
                case SignStep.Sign:
                case SignStep.SignAndNext:
                    // What is signed is what is on the screen: the box sends its text after a pause in typing, so a
                    // signature straight after the last keystroke takes the box's own value, not the last one sent.
                    _pendingSave?.Cancel();
                    _text = await JavaScript.InvokeAsync<string?>("iwDrafts.current", Details.ExamId.ToString()) ?? _text;
                    if (!await SaveAsync())
                    {
                        refusal = _saveError;
                        break;
                    }

                    if (step == SignStep.Preliminary)
                    {
                        var issued = await Reports.IssuePreliminaryAsync(Details.ExamId, reporter, patient, Actor);
                        refusal = issued.Reason;
                        done = "Preliminary report issued; it is on its way to the trust. Sign the final report when ready.";
                    }
                    else
                    {
                        var signed = await Reports.SignAsync(Details.ExamId, reporter, patient, Actor);
                        refusal = signed.Reason;
                        done = signed.Value == SignResult.AwaitingVerification
                            ? "Signed and sent for a consultant's verification."
                            : "Report signed; it is on its way to the trust.";
                    }

                    break;
                case SignStep.Verify:
                    var verified = await Reports.VerifyAsync(Details.ExamId, reporter, _text, patient, Actor);
                    refusal = verified.Reason;
                    done = "Verified and signed; the report is on its way to the trust.";
                    break;
                default:
                    var added = await Reports.AddAddendumAsync(Details.ExamId, reporter, _addendum ?? string.Empty, patient, Actor);
                    refusal = added.Reason;
                    done = "Addendum signed; it is on its way to the trust.";
                    _addendum = added.Succeeded ? null : _addendum;
                    break;
            }

            _confirming = null;
            if (refusal is null)
            {
                if (step is SignStep.Sign or SignStep.SignAndNext)
                {
                    await JavaScript.InvokeVoidAsync("iwDrafts.clear", Details.ExamId.ToString());
                }

                await OnSigned.InvokeAsync((done!, step == SignStep.SignAndNext));
            }
            else
            {
                _saveError = refusal;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReturnAsync()
    {
        if (ReporterId is not { } reporter)
        {
            return;
        }

        var returned = await Reports.ReturnAsync(Details.ExamId, reporter, _comment ?? string.Empty, Actor);
        if (returned.Succeeded)
        {
            await OnSigned.InvokeAsync(("Returned to the registrar with your comment.", false));
        }
        else
        {
            _saveError = returned.Reason;
        }
    }

    private sealed record StoredDraft(string Text, long At);
}
