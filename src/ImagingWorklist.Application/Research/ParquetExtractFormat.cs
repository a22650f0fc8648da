using Parquet;
using Parquet.Schema;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// One Parquet file per table (patients, studies, reports), with only the columns the request chose, and the data
/// dictionary that describes them.
/// </summary>
public sealed class ParquetExtractFormat : IExtractFormat
{
    public const string ContentType = "application/vnd.apache.parquet";

    public async Task<IReadOnlyList<ExtractFileContent>> WriteAsync(ExtractData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var patients = data.Rows.GroupBy(r => r.Patient, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var reports = data.Rows;
        var files = new List<ExtractFileContent>();
        foreach (var table in DataDictionary.Tables(data))
        {
            var rows = table.Name switch
            {
                DataDictionary.Patients => patients,
                _ => reports,
            };
            var bytes = await WriteTableAsync(table.Columns, rows, cancellationToken);
            files.Add(new ExtractFileContent($"{table.Name}.parquet", null, ContentType, rows.Count, bytes));
        }

        files.Add(new ExtractFileContent(DataDictionary.FileName, null, "text/markdown; charset=utf-8", files.Count,
            System.Text.Encoding.UTF8.GetBytes(DataDictionary.Write(data))));
        return files;
    }

    private static async Task<byte[]> WriteTableAsync(IReadOnlyList<ExtractColumn> columns, IReadOnlyList<ExtractRow> rows,
        CancellationToken cancellationToken)
    {
        var fields = columns.Select(c => c.Kind switch
        {
            ExtractColumnKind.Integer => (DataField)new DataField<int?>(c.Name),
            ExtractColumnKind.Date => new DataField<DateOnly>(c.Name),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                switch (column.Kind)
                {
                    case ExtractColumnKind.Integer:
                        await group.WriteAsync<int>(fields[i], rows.Select(r => (int?)column.Value(r)).ToArray(),
                            cancellationToken: cancellationToken);
                        break;
                    case ExtractColumnKind.Date:
                        await group.WriteAsync<DateOnly>(fields[i], rows.Select(r => (DateOnly)column.Value(r)!).ToArray(),
                            cancellationToken: cancellationToken);
                        break;
                    default:
                        await group.WriteAsync(fields[i], rows.Select(r => (string?)column.Value(r) ?? string.Empty).ToArray());
                        break;
                }
            }
        }

        return stream.ToArray();
    }
}
