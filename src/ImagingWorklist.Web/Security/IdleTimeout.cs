namespace ImagingWorklist.Web.Security;

/// <summary>How long a signed-in session may sit untouched before it ends.</summary>
internal sealed record IdleTimeout(TimeSpan After);
