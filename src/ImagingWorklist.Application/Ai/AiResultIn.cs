namespace ImagingWorklist.Application.Ai;

/// <summary>One finding as an AI system sent it: its code, whether it says the finding is there, and its score (0 to 1).</summary>
public sealed record AiResultIn(string Code, bool Positive, double? Score);
