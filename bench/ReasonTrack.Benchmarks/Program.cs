using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
