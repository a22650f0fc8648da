namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// What was wrong, where: the segment and field (HL7 numbering), the HL7 error code (table 0357: 100 segment sequence,
/// 101 required field missing, 102 data type error, 103 table value not found, 200 unsupported message type,
/// 203 unsupported version, 204 unknown key identifier, 205 duplicate key identifier, 207 application error), and
/// a sentence the sender's staff can act on; <paramref name="Sequence"/> is which occurrence of a repeating segment (OBX 2).
/// </summary>
public sealed record Hl7Error(string Segment, int Field, int Code, string Message, int Sequence = 1)
{
    public static string CodeName(int code) => code switch
    {
        100 => "Segment sequence error",
        101 => "Required field missing",
        102 => "Data type error",
        103 => "Table value not found",
        200 => "Unsupported message type",
        201 => "Unsupported event code",
        203 => "Unsupported version id",
        204 => "Unknown key identifier",
        205 => "Duplicate key identifier",
        _ => "Application internal error",
    };
}
