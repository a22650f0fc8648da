namespace ImagingWorklist.Simulator;

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
