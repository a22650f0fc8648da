using System.Globalization;

namespace ImagingWorklist.Simulator;

/// <summary>"--name value" pairs; a bad value is refused with the option's name, never defaulted silently.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                values[name] = "true";
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}': options are written --name value.");
            }
        }

        return new Arguments(values);
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value != "true" ? value : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback, int min = 1, int max = 1_000_000)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"--{name} must be a whole number from {min} to {max}; '{text}' is not.");
        }

        return value;
    }
}

/// <summary>A progress line that rewrites itself, at most once per percent.</summary>
internal sealed class ConsoleProgress(string label) : IProgress<double>
{
    private int _shown = -1;

    public void Report(double value)
    {
        var percent = (int)(value * 100);
        if (Interlocked.Exchange(ref _shown, percent) == percent)
        {
            return;
        }

        Console.Error.Write($"\r{label}: {percent,3} %");
        if (percent >= 100)
        {
            Console.Error.WriteLine();
        }
    }
}
