using Bunit;
using ImagingWorklist.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace ImagingWorklist.Web.Tests;

/// <summary>
/// MudBlazor's services and a fixed clock, registered once for every component test. The bUnit context is held,
/// not inherited, because some MudBlazor services can only be disposed asynchronously and xunit 2 disposes test
/// classes synchronously.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
    }

    protected BunitContext Context { get; } = new();

    protected BunitServiceProvider Services => Context.Services;

    protected FakeTimeProvider Clock { get; } = TestClock.Create();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent => Context.Render(parameters);
}
