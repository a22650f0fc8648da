using System.Text;

namespace ImagingWorklist.Application.Common;

/// <summary>CSV (RFC 4180) as the exports write it and the imports read it.</summary>
public static class CsvText
{
    /// <summary>
    /// One CSV field: quoted when it holds a separator, quote or line break; a leading =, +, - or @ is prefixed with
    /// an apostrophe so a spreadsheet does not run it as a formula.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static string Line(params string?[] values) => string.Join(',', values.Select(Field));

    /// <summary>Records of a CSV text: quoted fields may hold commas, doubled quotes and line breaks; blank lines are skipped.</summary>
    public static IReadOnlyList<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                End();
            }
            else
            {
                field.Append(c);
            }
        }

        End();
        return records;

        void End()
        {
            fields.Add(field.ToString().Trim());
            field.Clear();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add([.. fields]);
            }

            fields.Clear();
        }
    }
}
