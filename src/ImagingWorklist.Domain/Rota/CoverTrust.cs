namespace ImagingWorklist.Domain.Rota;

/// <summary>A trust and its sites (a site-scoped shift covers the trust the site belongs to).</summary>
public sealed record CoverTrust(Guid Id, IReadOnlyList<Guid> SiteIds);
