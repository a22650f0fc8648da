using ImagingWorklist.Application.Simulation;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Application.Tests.Simulation;

public class ForecastTests
{
    /// <summary>
    /// Two days of one trust sending CT heads (ED) and chest films, read by general consultants of whom none holds neuro:
    /// the CT heads breach, so the action named is a neuro CT session, and it avoids breaches on the same work.
    /// </summary>
    [Fact]
    public void TheActionNamedIsASessionOfTheSkillThatIsShort()
    {
        var start = StandardScenario.DefaultStart;
        var (trust, site) = (Guid.NewGuid(), Guid.NewGuid());
        var catalogue = ProcedureCatalogue.Standard();
        ArrivalKind Hourly(string code, Pathway pathway, double perHour) =>
            new(trust, site, catalogue.Single(p => p.Code == code), pathway, pathway == Pathway.Emergency ? PatientClass.Emergency
                : PatientClass.Outpatient,
                pathway == Pathway.Emergency ? ClinicalPriority.Asap : ClinicalPriority.Routine,
                    [.. Enumerable.Repeat(perHour, ArrivalKind.HoursPerWeek)]);
        EngineReporter General(int i)
            => new(Guid.NewGuid(), $"Dr General {i}", ProfessionalRole.ConsultantRadiologist,
            [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Chest, 2)], [],
            [new EngineCredential(trust, start.AddYears(-1), null)],
            [new EngineShift(start, start.AddDays(2), ShiftKind.InHoursSession, CoverScope.Network, [], 2 * 24 * 60)], []);
        var scenario = new SimulationScenario("Short of neuro", start, TimeSpan.FromDays(2), [General(1), General(2)], [],
            [Hourly("CHEAD", Pathway.Emergency, 1), Hourly("XCHES", Pathway.Outpatient, 4)],
                new TurnaroundPolicy(TurnaroundPolicy.DefaultRules()));
        var progress = new List<double>();

        var forecast = ForecastService.Compute(scenario, suggestAction: true, replications: 2, new Recorder(progress));

        Assert.Equal((Skill.Neuro, Modality.CT), (forecast.Hotspots[0].Skill, forecast.Hotspots[0].Modality));
        var action = Assert.IsType<ForecastAction>(forecast.Action);
        Assert.Equal((Skill.Neuro, Modality.CT), (action.Skill, action.Modality));
        Assert.True(action.BreachesAvoided >= 0.5);
        Assert.InRange(action.Start, scenario.Start, scenario.End - ForecastService.SessionLength);
        Assert.Equal(2, forecast.Days.Count);
        Assert.Equal(forecast.Breaches, forecast.Days.Sum(d => d.Breaches), precision: 6);
        Assert.Equal(1.0, progress.Max());
    }

    [Fact]
    public void WithoutTheActionSearchOnlyTheForecastIsRun()
    {
        var network = StandardScenario.Build(new StandardScenarioOptions { Days = 1, BacklogExams = 100 });

        var forecast = ForecastService.Compute(network, suggestAction: false, replications: 1);

        Assert.Null(forecast.Action);
        Assert.Single(forecast.Days);
        Assert.Equal(100, forecast.OpenAtStart);
        Assert.Equal(network.Backlog.Count(e => e.DueAt <= network.Start), forecast.AlreadyLate);
        Assert.True(forecast.Breaches >= forecast.AlreadyLate);
    }

    [Fact]
    public async Task SimulationsOnOneServerRunOneAtATime()
    {
        using var release = new ManualResetEventSlim();
        var first = WhatIfService.RunExclusiveAsync(() => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        while (!WhatIfService.Busy)
        {
            await Task.Delay(10);
        }

        var second = WhatIfService.RunExclusiveAsync(() => 2, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WhatIfService.RunExclusiveAsync(() => 3, impatient.Token));

        release.Set();
        Assert.True(await first);
        Assert.Equal(2, await second);
    }

    private sealed class Recorder(List<double> values) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }
}
