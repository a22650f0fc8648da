namespace ImagingWorklist.Web.Infrastructure;

/// <summary>Settings the host itself needs while it is being composed, each naming its section and its problems.</summary>
internal interface IStartupSettings
{
    static abstract string Section { get; }

    IEnumerable<string> Problems() => [];
}
