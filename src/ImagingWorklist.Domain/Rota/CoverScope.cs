namespace ImagingWorklist.Domain.Rota;

public enum CoverScope
{
    Network,
    Trusts,
    Sites,
}
