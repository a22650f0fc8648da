namespace ImagingWorklist.Application.Common;

/// <summary>A PKCS#12 certificate file named in the settings (<c>…:Path</c>, <c>…:Password</c>).</summary>
public sealed record CertificateSettings
{
    public string? Path { get; init; }

    public string? Password { get; init; }
}
