using Bunit;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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

    /// <summary>The test's own SQLite database, once <see cref="UseDatabaseAsync"/> has made it.</summary>
    protected TestDatabase Database { get; private set; } = null!;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>A fresh database and what every data-backed component needs beside it: the engine, live changes, logging.</summary>
    protected async Task UseDatabaseAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Services.AddSingleton<IDbContextFactory<WorklistDbContext>>(Database);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddEngineAndAnnouncements();
    }

    /// <summary>Text as a browser shows it: runs of white space (a source line break inside a sentence) read as one space.</summary>
    protected static string AsShown(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent => Context.Render(parameters);
}
