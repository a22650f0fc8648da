namespace ImagingWorklist.Domain.Common;

/// <summary>The one kind of answer a transition gives: done, or refused with a reason a person can act on.</summary>
public readonly record struct Outcome
{
    private Outcome(bool succeeded, string? reason)
    {
        Succeeded = succeeded;
        Reason = reason;
    }

    public bool Succeeded { get; }

    public string? Reason { get; }

    public static Outcome Accepted { get; } = new(true, null);

    public static Outcome Rejected(string reason) => new(false, reason);

    public override string ToString() => Succeeded ? "accepted" : $"rejected: {Reason}";
}

/// <summary>An outcome that carries a value when it succeeds (a parsed identifier, a lease).</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    public T? Value { get; }

    public string? Reason { get; }

    public bool Succeeded => Reason is null;

    public static Outcome<T> Accepted(T value) => new(value, null);

    public static Outcome<T> Rejected(string reason) => new(default, reason);

    /// <summary>For values the caller already knows to be valid (seed data, tests); a refusal here is a programmer error.</summary>
    public T ValueOrThrow() => Succeeded ? Value! : throw new ArgumentException(Reason);
}
