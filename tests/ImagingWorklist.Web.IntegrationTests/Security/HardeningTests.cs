using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Web.IntegrationTests.Security;

public sealed partial class HardeningTests
{
    [Fact]
    public async Task PagesAndApisCarryTheSecurityHeaders()
    {
        await using var app = new WorklistAppFactory();
        var client = app.CreateClient();

        foreach (var path in new[] { "/account/login", "/dicomweb/workitems", "/health/live", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"), _ => true);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RepeatedSignInsFromOneAddressAreSlowedWithTooManyRequests()
    {
        await using var app =
            new WorklistAppFactory(settings: new Dictionary<string,
            string?> { ["RateLimits:SignInPerMinute"] = "3", ["RateLimits:TokenPerMinute"] = "2" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignIn.PostAsync(client, "nobody", "wrong-password-1")).StatusCode);
        }

        var tokens = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add(await Tokens.RequestClientCredentialsAsync(app, "worklist.read"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], tokens.Select(t => t.StatusCode));
        Assert.NotNull(tokens[2].Headers.RetryAfter);
        Assert.Contains("Too many requests", await tokens[2].Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountLocksAfterFiveFailedAttemptsEvenWithTheRightPasswordAfterwards()
    {
        await using var app = new WorklistAppFactory();
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostAsync(client, "coordinator", "not-the-password");
        }

        var response = await SignIn.PostAsync(client, "coordinator", WorklistAppFactory.DemoPassword);

        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dicomweb/workitems")).StatusCode);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Contains(db.AuditEvents, a => a.Actor == "coordinator" && a.Detail == "Locked out");
    }

    [Fact]
    public async Task SigningOutNeedsTheAntiforgeryToken()
    {
        await using var app = new WorklistAppFactory();
        var client = await SignIn.AsAsync(app, "manager", followRedirects: false);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dicomweb/workitems?limit=1")).StatusCode);
    }

    [Fact]
    public async Task WithHttpsRequiredTheCookiesAreSecureAndHttpOnly()
    {
        await using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Security:RequireHttps"] = "true" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await SignIn.PostAsync(client, "manager", WorklistAppFactory.DemoPassword);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("ImagingWorklist.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("samesite=strict", cookies.First(c => c.StartsWith("ImagingWorklist.Auth=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OutsideDevelopmentTheAppRefusesToStartWithoutTokenCertificates()
    {
        using var app = new ProductionApp(new Dictionary<string, string?>());

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Matches("OpenIddict:(Signing|Encryption)Certificate:Path is not set", failure.ToString());
    }

    [Fact]
    public async Task OutsideDevelopmentTokensAreSignedWithTheConfiguredCertificates()
    {
        var folder = Directory.CreateTempSubdirectory("iw-certs-");
        try
        {
            var signing = TestCertificates.Write(folder.FullName, "signing", X509KeyUsageFlags.DigitalSignature);
            var encryption = TestCertificates.Write(folder.FullName, "encryption", X509KeyUsageFlags.KeyEncipherment);
            await using var app = new ProductionApp(new Dictionary<string, string?>
            {
                ["OpenIddict:SigningCertificate:Path"] = signing,
                ["OpenIddict:SigningCertificate:Password"] = "pw",
                ["OpenIddict:EncryptionCertificate:Path"] = encryption,
                ["OpenIddict:EncryptionCertificate:Password"] = "pw",
                ["Security:RequireHttps"] = "false",
            });

            var keys = await app.CreateClient().GetStringAsync("/.well-known/jwks");
            var token = await Tokens.ClientCredentialsAsync(app, "worklist.read");

            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(signing, "pw");
            Assert.Contains(Convert.ToBase64String(certificate.RawData), keys.Replace("\\u002B", "+", StringComparison.Ordinal)
                .Replace("\\/", "/", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await Tokens.WithToken(app, token).GetAsync("/dicomweb/workitems?limit=1")).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NoPatientDataPasswordsOrSecretsReachTheLogs()
    {
        var logs = new ConcurrentQueue<string>();
        await using var app = new LoggedApp(logs);
        var browser = await SignIn.AsAsync(app, "radiologist");
        await SignIn.PostAsync(app.CreateClient(), "radiologist", "wrong-password-123");
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.read");
        await Tokens.WithToken(app, token).GetStringAsync("/dicomweb/workitems?limit=50");
        await browser.GetStringAsync("/dicomweb/workitems?limit=50");
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var reporter = (await db.Users.SingleAsync(u => u.UserName == "radiologist")).ReporterId!.Value;
        var engine = app.Services.GetRequiredService<Application.Engine.WorklistEngineHost>();
        var examId = engine.RankedFor(reporter, take: 1)[0].Exam.Id;
        var claim = await app.Services.GetRequiredService<ClaimService>().ClaimAsync(examId, reporter, new Actor("radiologist", reporter));
        Assert.True(claim.Succeeded, claim.Reason);
        var details = await app.Services.GetRequiredService<ExamDetailsQuery>()
            .LoadAsync(examId, new Actor("radiologist", reporter), holderOnly: true,
            Application.Security.AccessScope.ForReporter(reporter));
        Assert.True(details.Succeeded, details.Reason);

        // Alerts, follow-ups, an order and a metrics scrape write to the log too; none of it may name the patient.
        var actor = new Actor("radiologist", reporter);
        var raised = await app.Services.GetRequiredService<Application.Reporting.CriticalFindings>()
            .RaiseAsync(examId, reporter, Domain.Reporting.FindingCategory.Cancer,
            "Spiculated mass", "lung", null, actor);
        Assert.True(raised.Succeeded, raised.Reason);
        var due = Domain.Common.UkCalendar.DayOf(DateTimeOffset.UtcNow).AddMonths(3);
        var recommended = await app.Services.GetRequiredService<Application.FollowUps.FollowUpService>().RecommendAsync(examId, reporter,
            new Application.FollowUps.FollowUpRequest(null, due, "Review the nodule", Domain.Reporting.FollowUpRecipient.Referrer,
                "Dr R Patel"), actor);
        Assert.True(recommended.Succeeded, recommended.Reason);
        var ack = await app.Services.GetRequiredService<Application.Ingest.Hl7Ingest>().ReceiveAsync(
            Interop.Hl7v2.Hl7IngestEndpointTests.Message("LOG1", "RZ1LOGS00001")
                .Replace("Testpatient^Alex", "Fernsby^Alex", StringComparison.Ordinal),
            "HTTP", "test", Application.Security.AccessScope.WholeNetwork);
        Assert.Equal("AA", ack.Code);
        await app.CreateClient().GetAsync("/metrics");

        var patients = await db.Exams.Select(e => e.Patient).ToListAsync();
        var nhsNumbers = patients.Where(p => p.NhsNumber != null).Select(p => p.NhsNumber!.Value).ToHashSet();
        var names = patients.Select(p => p.FamilyName).Where(n => n.Length > 3).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var text = string.Join("\n", logs);
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(WorklistAppFactory.DemoPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WorklistAppFactory.RisSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits().Matches(text).Select(m => m.Value), nhsNumbers.Contains);
        Assert.DoesNotContain(Words().Matches(text).Select(m => m.Value), names.Contains);
    }

    [GeneratedRegex(@"\d{10}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[A-Za-z'-]{4,}")]
    private static partial Regex Words();

    private sealed class ProductionApp(IDictionary<string, string?> settings) : WorklistAppFactory(settings: settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Environments.Production);
        }
    }

    private sealed class LoggedApp(ConcurrentQueue<string> logs) : WorklistAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLogger(logs)).SetMinimumLevel(LogLevel.Information));
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?,
            string> formatter) =>
            logs.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception));

        public void Dispose()
        {
        }
    }
}
