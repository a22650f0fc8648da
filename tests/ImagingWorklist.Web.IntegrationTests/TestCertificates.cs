using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ImagingWorklist.Web.IntegrationTests;

/// <summary>Self-signed PKCS#12 files (password "pw") for the tests that configure certificates.</summary>
internal static class TestCertificates
{
    public const string Password = "pw";

    public static string Write(string folder, string name, X509KeyUsageFlags usage, string subject = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
