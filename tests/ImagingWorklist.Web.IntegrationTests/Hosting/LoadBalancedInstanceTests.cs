using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

/// <summary>
/// Two production instances on one PostgreSQL database, as a network deploys them behind a load balancer, each reached
/// here at its own address: a token or a sign-in from one must work on the other, and the key ring they share is
/// stored encrypted. (SQLite is for one machine, so these run on PostgreSQL only.)
/// </summary>
public sealed class LoadBalancedInstanceTests : IAsyncLifetime
{
    private const string PublicBase = "https://worklist.example.nhs.uk/";
    private static readonly Uri AddressOfA = new("http://10.20.0.11:8080/");
    private static readonly Uri AddressOfB = new("http://10.20.0.12:8080/");

    private readonly DirectoryInfo _certificates = Directory.CreateTempSubdirectory("iw-lb-certs-");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _certificates.Delete(recursive: true);
    }

    [Fact]
    public async Task ATokenIssuedByOneInstanceIsAcceptedByAnotherReachedAtADifferentAddress()
    {
        await using var a = Instance(PublicBase);
        await using var b = Instance(PublicBase);

        var token = await TokenFromAsync(a);
        var onB = b.CreateClient(new() { BaseAddress = AddressOfB });
        onB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var answer = await onB.GetAsync("/dicomweb/workitems?limit=1");
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var discovery = JsonNode.Parse(await onB.GetStringAsync("/.well-known/openid-configuration"))!;
        Assert.Equal(PublicBase, discovery["issuer"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutAPublicBaseUrlEachInstanceNamesItsOwnIssuerAndRefusesTheOthersToken()
    {
        await using var a = Instance(publicBase: null);
        await using var b = Instance(publicBase: null);

        var token = await TokenFromAsync(a);
        var onB = b.CreateClient(new() { BaseAddress = AddressOfB });
        onB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/dicomweb/workitems?limit=1")).StatusCode);
    }

    [Fact]
    public async Task LinksTheAppWritesNameThePublicAddressWhicheverInstanceAnswers()
    {
        await using var b = Instance(PublicBase);
        var token = await TokenFromAsync(b);
        var onB = b.CreateClient(new() { BaseAddress = AddressOfB });
        onB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var bundle = JsonNode.Parse(await onB.GetStringAsync("/fhir/Task?_count=2"))!;

        var links = bundle["entry"]!.AsArray().Select(e => e!["fullUrl"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicBase + "fhir/Task/", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSharedKeyRingIsStoredEncryptedAndASignInOnOneInstanceIsHonouredByTheOther()
    {
        await using var a = Instance(PublicBase);
        await using var b = Instance(PublicBase);
        var onA = a.CreateClient(new() { BaseAddress = AddressOfA, AllowAutoRedirect = false });
        var signIn = await SignIn.PostAsync(onA, "radiologist", WorklistAppFactory.DemoPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ImagingWorklist.Auth=", StringComparison.Ordinal))
            .Split(';')[0];

        var onB = b.CreateClient(new() { BaseAddress = AddressOfB, AllowAutoRedirect = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var answer = await onB.GetAsync("/dicomweb/workitems?limit=1");

        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        await using var db = _database.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    private static async Task<string> TokenFromAsync(WorklistAppFactory instance)
    {
        var client = instance.CreateClient(new() { BaseAddress = AddressOfA });
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Tokens.Ris,
            ["client_secret"] = WorklistAppFactory.RisSecret,
            ["scope"] = "worklist.read",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    private ProductionInstance Instance(string? publicBase)
    {
        var signing = Path.Combine(_certificates.FullName, "signing.pfx");
        var encryption = Path.Combine(_certificates.FullName, "encryption.pfx");
        if (!File.Exists(signing))
        {
            TestCertificates.Write(_certificates.FullName, "signing", X509KeyUsageFlags.DigitalSignature);
            TestCertificates.Write(_certificates.FullName, "encryption", X509KeyUsageFlags.KeyEncipherment);
        }

        return new ProductionInstance(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["OpenIddict:SigningCertificate:Path"] = signing,
            ["OpenIddict:SigningCertificate:Password"] = TestCertificates.Password,
            ["OpenIddict:EncryptionCertificate:Path"] = encryption,
            ["OpenIddict:EncryptionCertificate:Password"] = TestCertificates.Password,
            ["Security:RequireHttps"] = "false",
            ["Security:PublicBaseUrl"] = publicBase,
        });
    }

    private sealed class ProductionInstance(string connectionString, IDictionary<string, string?> settings)
        : WorklistAppFactory(DatabaseProvider.Postgres, connectionString, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Environments.Production);
        }
    }
}
