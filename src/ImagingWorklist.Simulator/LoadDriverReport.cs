namespace ImagingWorklist.Simulator;

public sealed record LoadDriverReport(
    int MessagesSent,
    int Accepted,
    int Refused,
    double AckP50Milliseconds,
    double AckP99Milliseconds,
    int Claims,
    int Conflicts,
    int Completions,
    int Errors,
    TimeSpan Elapsed)
{
    /// <summary>The first answer that was not AA, as the sender would read it.</summary>
    public string? FirstRefusal { get; init; }

    public string? FirstError { get; init; }

    public string? FirstConflict { get; init; }

    public override string ToString() =>
        $"{MessagesSent} HL7 messages sent ({Accepted} AA, {Refused} other; ack p50 {AckP50Milliseconds:0.0} ms, p99 " +
            $"{AckP99Milliseconds:0.0} ms), " +
        $"{Claims} claims ({Conflicts} refused: taken, or not theirs to take), {Completions} completions, {Errors} errors in " +
            $"{Elapsed.TotalSeconds:0} s" +
        (FirstRefusal is null ? string.Empty : $"; first refusal: {FirstRefusal}") +
        (FirstConflict is null ? string.Empty : $"; first claim refused: {FirstConflict}") +
        (FirstError is null ? string.Empty : $"; first error: {FirstError}");
}
