using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ImagingWorklist.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project bench/ImagingWorklist.Benchmarks -- memory      (the engine's bytes per open exam)
if (args is ["memory"])
{
    ImagingWorklist.Benchmarks.EngineMemory.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
