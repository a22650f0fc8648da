using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Exams;

/// <summary>Patient details only to those with a need to know, within their trusts; every view is audited, no refusal is.</summary>
public class ExamDetailsQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyTheHolderOrAManagerSeesThePatientAndEveryViewIsAudited(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var query = new ExamDetailsQuery(world.Database, world.Clock);
        var exam = world.Exams[0];
        var holder = world.Reporters[0];
        var colleague = world.Reporters[1];
        Assert.True((await world.Claims.ClaimAsync(exam.Id, holder.Id, new Actor("holder", holder.Id))).Succeeded);
        string otherTrust;
        await using (var db = world.Database.CreateDbContext())
        {
            otherTrust = (await db.Trusts.AsNoTracking().ToListAsync()).First(t => t.Id != exam.TrustId).OdsCode.Value;
        }

        var byHolder =
            await query.LoadAsync(exam.Id, new Actor("holder", holder.Id, "10.0.0.1"), holderOnly: true,
            AccessScope.ForReporter(holder.Id));
        var byColleague =
            await query.LoadAsync(exam.Id, new Actor("colleague", colleague.Id), holderOnly: true, AccessScope.ForReporter(colleague.Id));
        var byManager = await query.LoadAsync(exam.Id, new Actor("manager"), holderOnly: false, AccessScope.WholeNetwork);
        var outsideScope = await query.LoadAsync(exam.Id, new Actor("manager2"), holderOnly: false, AccessScope.ForTrusts([otherTrust]));
        var missing = await query.LoadAsync(Guid.NewGuid(), new Actor("manager"), holderOnly: false, AccessScope.WholeNetwork);

        Assert.True(byHolder.Succeeded, byHolder.Reason);
        Assert.Equal(exam.Accession.Value, byHolder.Value!.Accession);
        Assert.Contains("do not hold a claim", byColleague.Reason, StringComparison.Ordinal);
        Assert.True(byManager.Succeeded, byManager.Reason);
        Assert.Equal("There is no such exam among the trusts you may see.", outsideScope.Reason);
        Assert.Equal("There is no such exam.", missing.Reason);
        await using var read = world.Database.CreateDbContext();
        var views = await read.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.PatientDataViewed).ToListAsync();
        Assert.Equal(["holder", "manager"], views.Select(v => v.Actor).Order());
        Assert.Contains(views, v => v.Actor == "holder" && v.Source == "10.0.0.1" && v.ExamId == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PriorsComeFromEveryTrustTheViewerMaySeeWithTheirSignedReports(DatabaseProvider provider)
    {
        // Three exams of one patient (one NHS number): the first and third at Alpha, the second at Beta, reported.
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var query = new ExamDetailsQuery(world.Database, world.Clock);
        var (current, atBeta, atAlpha) = (world.Exams[0], world.Exams[1], world.Exams[2]);
        var holder = world.Reporters[0];
        await using (var db = world.Database.CreateDbContext())
        {
            var report =
                Domain.Reporting.Report.StartDraft(Guid.NewGuid(), atBeta.Id, holder.Id, "Beta's finding: small left pleural effusion.",
                world.Clock.GetUtcNow());
            Assert.True(report.Sign(holder.Id, world.Clock.GetUtcNow()).Succeeded);
            db.Add(report);
            await db.SaveChangesAsync();
        }

        Assert.True((await world.Claims.ClaimAsync(current.Id, holder.Id, new Actor("holder", holder.Id))).Succeeded);

        var reporterView =
            await query.LoadAsync(current.Id, new Actor("holder", holder.Id), holderOnly: true, AccessScope.ForReporter(holder.Id));
        var alphaOnly = await query.LoadAsync(current.Id, new Actor("manager"), holderOnly: false, AccessScope.ForTrusts(["RTA"]));

        Assert.True(reporterView.Succeeded, reporterView.Reason);
        Assert.Equal(new[] { atAlpha.Id, atBeta.Id }.Order(), reporterView.Value!.Priors.Select(p => p.ExamId).Order());
        var beta = reporterView.Value.Priors.Single(p => p.ExamId == atBeta.Id);
        Assert.Equal("Beta Trust", beta.TrustName);
        Assert.Equal("Beta's finding: small left pleural effusion.", Assert.Single(beta.Reports).Text);
        Assert.Empty(reporterView.Value.Priors.Single(p => p.ExamId == atAlpha.Id).Reports);

        // A viewer limited to Alpha is not shown that the patient was ever scanned at Beta.
        Assert.Equal([atAlpha.Id], alphaOnly.Value!.Priors.Select(p => p.ExamId));

        await using var read = world.Database.CreateDbContext();
        var view = await read.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditAction.PatientDataViewed && a.Actor == "holder");
        Assert.Contains(atBeta.Accession.Value, view.Detail, StringComparison.Ordinal);
    }
}
