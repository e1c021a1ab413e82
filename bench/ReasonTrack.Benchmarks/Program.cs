using BenchmarkDotNet.Running;
using ReasonTrack.Benchmarks;

// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- --filter '*'          (BenchmarkDotNet suites)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- reasoning-fps [Car4] [1.5] [default]
if (args.Length > 0 && args[0] == "reasoning-fps") return await ReasoningThroughput.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
