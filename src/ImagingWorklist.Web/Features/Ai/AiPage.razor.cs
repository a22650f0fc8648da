using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Ai;

/// <summary>
/// The algorithms and, for the one chosen (in the address, so each has its own page), its record per trust and month
/// against the radiologists. Administrators register and change algorithms here, including where each is live.
/// </summary>
public sealed partial class AiPage
{
    private IReadOnlyList<AiAlgorithmRow>? _algorithms;
    private IReadOnlyList<TrustOption> _trusts = [];
    private IReadOnlyList<AiPerformanceRow>? _rows;
    private AiAlgorithmRow? _chosen;
    private Form? _form;
    private bool _admin;
    private bool _scoped;
    private string? _message;
    private bool _ok;
    private AccessScope _scope = AccessScope.Nothing;
    private Actor _actor = Actor.System;

    [Inject]
    private AiAlgorithms Algorithms { get; set; } = null!;

    [Inject]
    private AiPerformance Performance { get; set; } = null!;

    [Inject]
    private TrustsQuery Trusts { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    [SupplyParameterFromQuery(Name = "algorithm")]
    private Guid? Chosen { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _admin = user.IsInRole(WorklistRoles.Admin);
        _scope = user.AccessScope();
        _scoped = !_scope.IsWholeNetwork;
        _actor = user.Actor(ClientAddress);
        _trusts = await Trusts.AllAsync();
    }

    protected override async Task OnParametersSetAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _algorithms = await Algorithms.ListAsync();
        _chosen = _algorithms.FirstOrDefault(a => a.Id == Chosen) ?? _algorithms.FirstOrDefault();
        _rows = null;
        if (_chosen is { } chosen)
        {
            _rows = await Performance.ForAsync(chosen.Id, _scope);
        }
    }

    private string LiveFor(AiAlgorithmRow algorithm)
    {
        var names = _trusts.Where(t => algorithm.LiveTrusts.Contains(t.Id)).Select(t => t.Name).ToList();
        return names.Count == 0 ? "no trust: silent everywhere" : string.Join(", ", names);
    }

    private void New()
    {
        _message = null;
        _form = new Form();
    }

    private void Edit(AiAlgorithmRow algorithm)
    {
        _message = null;
        _form = new Form
        {
            Id = algorithm.Id,
            Concurrency = algorithm.Concurrency,
            Name = algorithm.Name,
            Vendor = algorithm.Vendor,
            Version = algorithm.Version,
            Application = algorithm.Application,
            Findings = algorithm.Findings,
            Live = [.. algorithm.LiveTrusts],
        };
    }

    private static void Toggle(Form form, Guid trust, bool on)
    {
        if (on)
        {
            form.Live.Add(trust);
        }
        else
        {
            form.Live.Remove(trust);
        }
    }

    private async Task SaveAsync()
    {
        if (_form is not { } form || !_admin)
        {
            return;
        }

        var draft = new AiAlgorithmDraft(form.Name, form.Vendor, form.Version, form.Application, form.Findings, [.. form.Live]);
        var saved = await Algorithms.SaveAsync(form.Id, form.Concurrency, draft, _actor);
        _ok = saved.Succeeded;
        if (!saved.Succeeded)
        {
            _message = saved.Reason;
            return;
        }

        _message = $"Saved {AiAlgorithm.LabelOf(form.Name!.Trim(), form.Version!.Trim())}.";
        _form = null;
        Chosen = saved.Value;
        await ReloadAsync();
    }

    private sealed class Form
    {
        public Guid? Id { get; init; }

        public int Concurrency { get; init; }

        public string? Name { get; set; }

        public string? Vendor { get; set; }

        public string? Version { get; set; }

        public string? Application { get; set; }

        public string? Findings { get; set; }

        public HashSet<Guid> Live { get; init; } = [];
    }
}
