namespace ImagingWorklist.Domain.Research;

/// <summary>One file of an extract, kept in the database so every instance of the app can serve it.</summary>
public sealed class ResearchExtractFile
{
    private ResearchExtractFile()
    {
        Name = string.Empty;
        ContentType = string.Empty;
        Content = [];
    }

    public Guid Id { get; private set; }

    public Guid ExtractId { get; private set; }

    /// <summary>"Patient.ndjson", "exams.parquet", "data-dictionary.md".</summary>
    public string Name { get; private set; }

    /// <summary>The FHIR resource type of an NDJSON file (for the Bulk Data manifest); null for other files.</summary>
    public string? ResourceType { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Resources or rows in the file.</summary>
    public int Count { get; private set; }

    public byte[] Content { get; private set; }

    public static ResearchExtractFile Of(Guid extractId, string name, string? resourceType, string contentType, int count,
        byte[] content) =>
        new()
        {
            Id = Guid.NewGuid(), ExtractId = extractId, Name = name, ResourceType = resourceType, ContentType = contentType, Count = count,
            Content = content,
        };
}
