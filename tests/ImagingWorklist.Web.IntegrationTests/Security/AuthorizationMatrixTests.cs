using System.Net;
using System.Reflection;
using System.Text;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Security;

/// <summary>Who is asking: anonymous, a person by role (the sign-in cookie), or a program with a token.</summary>
[Flags]
public enum Caller
{
    None = 0,
    Anonymous = 1,
    Radiologist = 2,
    Manager = 4,
    Coordinator = 8,
    Admin = 16,

    /// <summary>The demo-workstation client acting as the radiologist (authorization code + PKCE).</summary>
    Workstation = 32,

    /// <summary>The demo-ris integration client (client credentials: ingest, read, reports).</summary>
    Ris = 64,

    /// <summary>A researcher (asks for de-identified extracts; no patient-identifiable page).</summary>
    Researcher = 128,

    /// <summary>The data guardian (decides research requests, keeps the opt-out list; no patient-identifiable page).</summary>
    Guardian = 256,

    /// <summary>People whose roles work with patients' data.</summary>
    Clinicians = Radiologist | Manager | Coordinator | Admin,
    People = Clinicians | Researcher | Guardian,
    Everyone = Anonymous | People | Workstation | Ris,
}

/// <summary>One row of the authorization table: a route, a method, an address to try, and who may pass.</summary>
public sealed record Rule(string Method, string Pattern, string Url, Caller Allowed, string Why);

/// <summary>
/// Every routable page, endpoint and hub method, found by reflection over the app's endpoint data sources, must have a
/// row here; every row is tried with every kind of caller. A new endpoint without a row fails the first test. The
/// same table is mirrored in docs/security/authorization-matrix.md, checked by the last test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    private const string SomeExam = "/exams/6b0e7f0a-0000-4000-8000-000000000001";
    private const string SomeWorkitem = "2.25.142417340735402349082344133137419213569";

    public static readonly Rule[] Table =
    [
        new("GET", "/", "/", Caller.People, "The worklist: every signed-in person (what it shows depends on the role)"),
        new("GET", "/worklist", "/worklist", Caller.People, "The worklist"),
        new("GET", "/exams/{ExamId:guid}", SomeExam, Caller.Clinicians,
            "Exam view; patient data only to a reporter with a need to know (holder, verifier, asked for an opinion, author) or a " +
                "manager, within their trusts"),
        new("GET", "/dashboard", "/dashboard", Caller.Manager | Caller.Coordinator | Caller.Admin, "Backlog and turnaround dashboards"),
        new("GET", "/follow-ups", "/follow-ups?view=overdue", Caller.Manager | Caller.Coordinator | Caller.Admin,
            "Follow-up recommendations tracked to closure (the failsafe list), within the caller's trusts"),
        new("GET", "/api/follow-ups.csv", "/api/follow-ups.csv?view=all", Caller.Manager | Caller.Coordinator | Caller.Admin,
            "The follow-up tracking list as CSV, within the caller's trusts"),
        new("GET", "/fhir/ServiceRequest", "/fhir/ServiceRequest?intent=proposal", Caller.Clinicians | Caller.Ris,
            "FHIR follow-up recommendations (intent proposal) within the caller's trusts (reports.read for tokens)"),
        new("GET", "/fhir/ServiceRequest/{id}", "/fhir/ServiceRequest/6b0e7f0a-0000-4000-8000-000000000001", Caller.Clinicians | Caller.Ris,
            "FHIR follow-up recommendation read within the caller's trusts (reports.read for tokens)"),
        new("GET", "/dashboard/exams", "/dashboard/exams?by=Trust&key=x&measure=Open", Caller.Manager | Caller.Coordinator | Caller.Admin,
            "The exams behind a backlog figure, within the caller's trusts"),
        new("GET", "/api/dashboard/backlog.csv", "/api/dashboard/backlog.csv?by=Trust", Caller.Manager | Caller.Coordinator | Caller.Admin,
            "The backlog table as CSV, within the caller's trusts"),
        new("GET", "/activity", "/activity", Caller.Clinicians,
            "Reporter activity: a reporter sees their own, managers, coordinators and administrators every reporter in their trusts"),
        new("GET", "/api/dashboard/activity.csv", "/api/dashboard/activity.csv?days=30", Caller.Clinicians,
            "Reporter activity as CSV: the caller's own row, or every reporter in their trusts for managers, coordinators and " +
                "administrators"),
        new("GET", "/api/dashboard/forecast.csv", "/api/dashboard/forecast.csv", Caller.Manager | Caller.Coordinator | Caller.Admin,
            "The network's seven-day forecast (simulated; counts only, no patient data) as CSV"),
        new("GET", "/api/dashboard/monthly-return.csv", "/api/dashboard/monthly-return.csv?month=2026-10",
            Caller.Manager | Caller.Coordinator | Caller.Admin,
            "The monthly turnaround return as CSV, per trust and for the network, within the caller's trusts"),
        new("GET", "/api/dashboard/turnaround.csv", "/api/dashboard/turnaround.csv?days=30",
            Caller.Manager | Caller.Coordinator | Caller.Admin,
            "Turnaround by pathway, modality and trust as CSV, within the caller's trusts"),
        new("GET", "/rota", "/rota", Caller.Clinicians, "Rota and cover"),
        new("GET", "/admin", "/admin", Caller.Admin, "Users, credentials, integration clients, audit trail"),
        new("GET", "/ai", "/ai", Caller.Manager | Caller.Admin,
            "AI triage algorithms and their record against the radiologists (counts only, within the caller's trusts); " +
                "administrators register them and choose where each is live"),
        new("GET", "/research", "/research", Caller.Manager | Caller.Admin | Caller.Researcher | Caller.Guardian,
            "Research data access: requesters (researchers, managers) see and extract their own requests; data guardians " +
                "(and administrators) see and decide every request and keep the opt-out list. No patient-identifiable data"),
        new("GET", "/research/extracts/{id}/files/{name}", "/research/extracts/6b0e7f0a-0000-4000-8000-000000000001/files/x.parquet",
            Caller.Manager | Caller.Admin | Caller.Researcher | Caller.Guardian,
            "A de-identified extract's file, for its requester only (anyone else is answered 404), while the request is unexpired"),
        new("GET", "/fhir/Group/{id}/$export", "/fhir/Group/6b0e7f0a-0000-4000-8000-000000000001/$export", Caller.None,
            "FHIR Bulk Data kick-off: only a token with the research.<request> scope of that approved request"),
        new("GET", "/fhir/bulkstatus/{id}", "/fhir/bulkstatus/6b0e7f0a-0000-4000-8000-000000000001", Caller.None,
            "FHIR Bulk Data status and manifest: only the request's own research token"),
        new("DELETE", "/fhir/bulkstatus/{id}", "/fhir/bulkstatus/6b0e7f0a-0000-4000-8000-000000000001", Caller.None,
            "FHIR Bulk Data delete an export: only the request's own research token"),
        new("GET", "/fhir/bulkfiles/{id}/{name}", "/fhir/bulkfiles/6b0e7f0a-0000-4000-8000-000000000001/Patient.ndjson", Caller.None,
            "FHIR Bulk Data NDJSON file: only the request's own research token"),
        new("GET", "/account/login", "/account/login", Caller.Everyone, "Sign-in page"),
        new("GET", "/account/denied", "/account/denied", Caller.People, "Shown to a signed-in person refused a page"),
        new("GET", "/not-found", "/not-found", Caller.Everyone, "Page not found"),
        new("GET", "/error", "/error", Caller.Everyone, "Error page (no details)"),
        new("POST", "/account/logout", "/account/logout", Caller.Everyone,
            "Sign out (a signed-in caller must bring the form's antiforgery token)"),
        new("GET", "/account/keepalive", "/account/keepalive", Caller.People, "Keeps an active person's session cookie fresh"),
        new("GET", "/connect/authorize", "/connect/authorize", Caller.Everyone,
            "OpenID Connect authorization: OpenIddict checks the client, PKCE and redirect URI; the person signs in"),
        new("POST", "/connect/token", "/connect/token", Caller.Everyone, "OAuth token endpoint: the client authenticates itself"),
        new("GET", "/connect/endsession", "/connect/endsession", Caller.Everyone, "OpenID Connect sign-out"),
        new("GET", "/connect/userinfo", "/connect/userinfo", Caller.Workstation | Caller.Ris,
            "Who the token's subject is (a bearer token, not the cookie)"),
        new("GET", "/api/audit/export.csv", "/api/audit/export.csv?from=2026-11-24&to=2026-11-25", Caller.Admin, "Audit trail as CSV"),
        new("GET", "/api/rota/export.csv", "/api/rota/export.csv?from=2026-11-30&days=7",
            Caller.Manager | Caller.Coordinator | Caller.Admin, "Rota as CSV for a span of days"),
        new("GET", "/api/rota/calendar/{reporterId:guid}.ics", "/api/rota/calendar/6b0e7f0a-0000-4000-8000-000000000001.ics",
            Caller.Manager | Caller.Coordinator | Caller.Admin,
            "A reporter's shifts and leave as iCalendar: their own, or anyone's for coordinators, managers and administrators"),
        new("POST", "/api/hl7v2", "/api/hl7v2", Caller.Ris, "HL7 v2 orders in over HTTP (scope worklist.ingest; people cannot)"),
        new("GET", "/fhir/metadata", "/fhir/metadata", Caller.Everyone, "FHIR CapabilityStatement (no data)"),
        new("GET", "/fhir/Task", "/fhir/Task?_count=1", Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "FHIR Task search within the caller's trusts (worklist.read for tokens)"),
        new("GET", "/fhir/Task/{id}", "/fhir/Task/6b0e7f0a-0000-4000-8000-000000000001",
            Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "FHIR Task read within the caller's trusts"),
        new("GET", "/fhir/DiagnosticReport", "/fhir/DiagnosticReport?_count=1", Caller.Clinicians | Caller.Ris,
            "FHIR DiagnosticReport search: issued reports within the caller's trusts (reports.read for tokens)"),
        new("GET", "/fhir/DiagnosticReport/{id}", "/fhir/DiagnosticReport/6b0e7f0a-0000-4000-8000-000000000001",
            Caller.Clinicians | Caller.Ris, "FHIR DiagnosticReport read within the caller's trusts (reports.read for tokens)"),
        new("POST", "/fhir/ServiceRequest", "/fhir/ServiceRequest", Caller.Ris, "FHIR order in (scope worklist.ingest)"),
        new("POST", "/fhir/ImagingStudy", "/fhir/ImagingStudy", Caller.Ris, "FHIR exam complete (scope worklist.ingest)"),
        new("POST", "/fhir/Observation", "/fhir/Observation", Caller.Ris,
            "FHIR AI finding in (scope worklist.ingest; the algorithm must be registered)"),
        new("POST", "/fhir/DiagnosticReport", "/fhir/DiagnosticReport", Caller.Ris,
            "FHIR AI result in, its Observations as results (scope worklist.ingest; the algorithm must be registered)"),
        new("POST", "/fhir/", "/fhir", Caller.Ris, "FHIR batch Bundle of orders and studies (scope worklist.ingest)"),
        new("GET", "/dicomweb/workitems/", "/dicomweb/workitems?limit=1", Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "UPS-RS search, within the caller's trusts (scope worklist.read for tokens)"),
        new("GET", "/dicomweb/workitems/{uid}", $"/dicomweb/workitems/{SomeWorkitem}", Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "UPS-RS retrieve, within the caller's trusts"),
        new("PUT", "/dicomweb/workitems/{uid}/state", $"/dicomweb/workitems/{SomeWorkitem}/state", Caller.Radiologist | Caller.Workstation,
            "UPS-RS claim/complete/cancel: a reporter (scope worklist.claim for tokens)"),
        new("POST", "/dicomweb/workitems/{uid}/cancelrequest", $"/dicomweb/workitems/{SomeWorkitem}/cancelrequest",
            Caller.Clinicians | Caller.Workstation | Caller.Ris,
                "UPS-RS request cancellation (worklist.claim or worklist.ingest for tokens)"),
        new("POST", "/dicomweb/workitems/{uid}/subscribers/{aeTitle}/", $"/dicomweb/workitems/{SomeWorkitem}/subscribers/WS1",
            Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "UPS-RS subscribe to a workitem (or 1.2.840.10008.5.1.4.34.5 for all) within the caller's trusts"),
        new("DELETE", "/dicomweb/workitems/{uid}/subscribers/{aeTitle}/", $"/dicomweb/workitems/{SomeWorkitem}/subscribers/WS1",
            Caller.Clinicians | Caller.Workstation | Caller.Ris, "UPS-RS unsubscribe (the caller's own subscriptions only)"),
        new("POST", "/dicomweb/workitems/{uid}/subscribers/{aeTitle}/suspend",
            $"/dicomweb/workitems/{SomeWorkitem}/subscribers/WS1/suspend", Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "UPS-RS suspend a global subscription"),
        new("GET", "/dicomweb/subscribers/{aeTitle}", "/dicomweb/subscribers/WS1", Caller.Clinicians | Caller.Workstation | Caller.Ris,
            "UPS-RS event channel (WebSocket): state reports for subscribed workitems within the caller's trusts"),
        new("POST", "/hubs/worklist/negotiate", "/hubs/worklist/negotiate?negotiateVersion=1",
            Caller.Clinicians | Caller.Workstation | Caller.Ris, "Live worklist events, ids only (worklist.read for tokens)"),
        new("GET", "/hubs/worklist", "/hubs/worklist", Caller.Clinicians | Caller.Workstation | Caller.Ris, "The hub's connection"),
        new("POST", "/_blazor/negotiate", "/_blazor/negotiate?negotiateVersion=1", Caller.People | Caller.Workstation | Caller.Ris,
            "Blazor Server circuits: any signed-in caller (pages themselves check roles)"),
        new("GET", "/_blazor", "/_blazor", Caller.People | Caller.Workstation | Caller.Ris, "Blazor Server circuit connection"),
        new("POST", "/_blazor/disconnect/", "/_blazor/disconnect/", Caller.People | Caller.Workstation | Caller.Ris,
            "Blazor Server circuit disconnect"),
        new("POST", "/_blazor/initializers/", "/_blazor/initializers/", Caller.People | Caller.Workstation | Caller.Ris,
            "Blazor Server JS initializers"),
        new("GET", "/_framework/opaque-redirect", "/_framework/opaque-redirect", Caller.People | Caller.Workstation | Caller.Ris,
            "Blazor's redirect after an enhanced form post (signed-in callers)"),
        new("GET", "/metrics", "/metrics", 0,
            "Prometheus metrics (counts, no patient data): only from Telemetry:MetricsAllowedNetworks, loopback by default; none of " +
                "these callers comes from one"),
        new("GET", "/health/live", "/health/live", Caller.Everyone, "Liveness, no data"),
        new("GET", "/health/ready", "/health/ready", Caller.Everyone, "Readiness, no data"),
        new("GET", "{**path:file}", "/css/worklist.css", Caller.Everyone, "Static files (styles, scripts, icons): no data"),
    ];

    /// <summary>Public methods a hub client may invoke, with who may; the worklist hub only sends.</summary>
    public static readonly (string Method, Caller Allowed)[] HubMethods = [];

    [Fact]
    public void EveryEndpointHasARowAndEveryRowAnEndpoint()
    {
        var endpoints = Endpoints().ToList();

        var missing =
            endpoints.Where(e => !Table.Any(r => r.Pattern == e.Pattern && (e.Methods.Count == 0 || e.Methods.Contains(r.Method))))
            .Select(e => $"{string.Join(",", e.Methods)} {e.Pattern}").ToList();
        var stale = Table.Where(r => !endpoints.Any(e => e.Pattern == r.Pattern)).Select(r => $"{r.Method} {r.Pattern}").ToList();

        Assert.True(missing.Count == 0, "Endpoints with no row in the authorization table: " + string.Join("; ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: " + string.Join("; ", stale));
    }

    [Fact]
    public void StaticAssetsAreTheOnlyUnlistedEndpointsAndAllowOnlyAnonymousReading()
    {
        var assets = Sources().Where(e => IsStaticAsset(e.RoutePattern.RawText!)).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
        Assert.All(assets, e => Assert.DoesNotContain("POST", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []));
    }

    [Fact]
    public void EveryHubMethodHasARow()
    {
        var declared = typeof(WorklistHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .ToList();

        Assert.Equal(HubMethods.Select(h => h.Method).Order(), declared.Order());
        Assert.NotNull(typeof(WorklistHub).GetCustomAttribute<AuthorizeAttribute>());
    }

    public static TheoryData<string, string, Caller> Cases()
    {
        var data = new TheoryData<string, string, Caller>();
        foreach (var rule in Table)
        {
            foreach (var caller in Callers)
            {
                data.Add(rule.Method, rule.Url, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerIsAllowedOrRefusedAsTheTableSays(string method, string url, Caller caller)
    {
        var rule = Table.Single(r => r.Method == method && r.Url == url);
        var client = await app.ClientAsync(caller);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        var refused = Refused(response);
        var expected = rule.Allowed.HasFlag(caller) ? "allowed" : "refused";
        Assert.True(refused == (expected == "refused"),
            $"{caller} {method} {url}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task TheDocumentedMatrixMatchesTheTable()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "security", "authorization-matrix.md");
        var documented = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;

        var expected = Markdown();
        if (Environment.GetEnvironmentVariable("WORKLIST_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, expected);
            documented = expected;
        }

        Assert.True(documented.ReplaceLineEndings("\n") == expected,
            $"docs/security/authorization-matrix.md is out of date. Replace it with:\n\n{expected}");
    }

    private static readonly Caller[] Callers =
    [
        Caller.Anonymous, Caller.Radiologist, Caller.Manager, Caller.Coordinator, Caller.Admin, Caller.Researcher, Caller.Guardian,
        Caller.Workstation, Caller.Ris,
    ];

    /// <summary>Refused means: 401/403 for programs, or a challenge (sign-in page with a return address) or the denied page for
    /// browsers.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } location
            && (location.Contains("/account/login?ReturnUrl=", StringComparison.Ordinal)
                || location.Contains("/account/denied", StringComparison.Ordinal)));

    internal static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Authorization matrix\n\n");
        text.Append(
            "Generated from the table in `tests/ImagingWorklist.Web.IntegrationTests/Security/AuthorizationMatrixTests.cs`, which tries " +
                "every row\n");
        text.Append("with every kind of caller; a test fails if this file and the table disagree, or if an endpoint has no row.\n\n");
        text.Append("Callers: anonymous; people signed in with the sign-in cookie, by role; **Workstation** = the `demo-workstation`\n");
        text.Append("client acting as a radiologist (authorization code + PKCE, scopes `worklist.read worklist.claim`); **RIS** = the\n");
        text.Append("`demo-ris` integration client (client credentials, scopes `worklist.ingest worklist.read reports.read`).\n");
        text.Append("Patient data is further limited by trust: a reporter sees only trusts they hold a valid credential for.\n\n");
        text.Append("Researchers and the data guardian see no patient-identifiable page or API; research extracts leave only\n");
        text.Append("de-identified, to their requester or to a client holding that request's own `research.<request>` scope.\n\n");
        text.Append("| Method | Route | Anonymous | Radiologist | Manager | Coordinator | Admin | Researcher | Guardian | ");
        text.Append("Workstation | RIS | What |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var rule in Table)
        {
            text.Append($"| {rule.Method} | `{rule.Pattern.Replace("|", "\\|", StringComparison.Ordinal)}` |");
            foreach (var caller in Callers)
            {
                text.Append(rule.Allowed.HasFlag(caller) ? " yes |" : " no |");
            }

            text.Append($" {rule.Why} |\n");
        }

        text.Append("\nHub methods a client may invoke on `/hubs/worklist`: none (the hub only sends `WorklistChanged`).\n");
        return text.ToString();
    }

    private IEnumerable<RouteEndpoint> Sources() =>
        app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    private IEnumerable<(string Pattern, IReadOnlyList<string> Methods)> Endpoints() =>
        Sources().Where(e => !IsStaticAsset(e.RoutePattern.RawText!))
            .Select(e =>
                (e.RoutePattern.RawText!,
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? [])));

    private static bool IsStaticAsset(string pattern)
        => pattern.StartsWith("_content/", StringComparison.Ordinal) || pattern.StartsWith("_framework/", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImagingWorklist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find the repository root.");
    }

    /// <summary>The app. Each person signs in once and their cookies are kept; every request goes from a fresh client that sends
    /// those cookies and keeps none, so a row that signs out (or refreshes a cookie) cannot change what the next row sees. Tokens
    /// are got once.</summary>
    public sealed class App : WorklistAppFactory
    {
        private readonly Dictionary<Caller, HttpClient> _clients = [];
        private readonly Dictionary<Caller, string> _cookies = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task<HttpClient> ClientAsync(Caller caller)
        {
            await _gate.WaitAsync();
            try
            {
                if (caller is Caller.Workstation or Caller.Ris && !_clients.ContainsKey(caller))
                {
                    _clients[caller] = caller == Caller.Workstation
                        ? Tokens.WithToken(this,
                            (await Tokens.AuthorizationCodeAsync(this, "radiologist", "openid profile roles worklist.read worklist.claim"))
                            .AccessToken)
                        : Tokens.WithToken(this, await Tokens.ClientCredentialsAsync(this, "worklist.ingest worklist.read reports.read"));
                }

                if (caller is Caller.Workstation or Caller.Ris)
                {
                    return _clients[caller];
                }

                var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
                if (caller != Caller.Anonymous)
                {
                    if (!_cookies.TryGetValue(caller, out var cookies))
                    {
                        cookies = _cookies[caller] = await SignIn.CookiesAsync(this, caller switch
                        {
                            Caller.Radiologist => "radiologist",
                            Caller.Manager => "manager",
                            Caller.Coordinator => "coordinator",
                            Caller.Researcher => "researcher",
                            Caller.Guardian => "guardian",
                            _ => "admin",
                        });
                    }

                    client.DefaultRequestHeaders.Add("Cookie", cookies);
                }

                return client;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
