using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ImagingWorklist.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
