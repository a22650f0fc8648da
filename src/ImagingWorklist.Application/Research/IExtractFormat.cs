namespace ImagingWorklist.Application.Research;

/// <summary>
/// A way of writing an extract's rows to files. Parquet and the data dictionary are written here; FHIR NDJSON is written
/// by the Web's FHIR adapter, which owns the FHIR model.
/// </summary>
public interface IExtractFormat
{
    Task<IReadOnlyList<ExtractFileContent>> WriteAsync(ExtractData data, CancellationToken cancellationToken);
}
