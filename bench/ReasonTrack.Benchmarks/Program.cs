using BenchmarkDotNet.Running;
using ReasonTrack.Benchmarks;

// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- --filter '*'          (BenchmarkDotNet suites)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- reasoning-fps [Car4] [1.5] [default]
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- media-throughput [Car4]
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- media-encoding [15] [outdir]   (old encoders/5x7 labels vs SkiaSharp)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- lasot-load
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- eval-phases ../shared/data/lasot out/bench/lasot-results/Synth1_tracking_result   (bench/peers/make_lasot_results.py first)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- parse-speed ../shared/data/lasot out/bench/lasot-results/Synth1_tracking_result [15]   (NumericTable.Parse alone, in memory)
// dotnet bench/ReasonTrack.Benchmarks/bin/Release/net10.0/ReasonTrack.Benchmarks.dll eval-vs-numpy ../shared/data/lasot out/bench/lasot-results/Synth{1..8}_tracking_result [--runs 5]
//     (reasontrack eval whole process vs bench/peers/lasot_eval_numpy.py, 1 tracker and all given; make_lasot_results.py ... 8 first)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- vlm-fleet [60] [6] [2]   (requests, workers, max in flight per endpoint)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- r1track-jpeg [bag] [10] [outdir]   (then bench/peers/jpeg_vs_opencv.py)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- sample-target-resize [bag] [5] [outdir]   (then bench/peers/resize_vs_opencv.py)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- nanotrack-fps [v2] [5]   (tracking work, 1 thread, shared sequences)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- external-overhead [2000] [/usr/bin/python3] [640] [480]
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- html-report [8] [out/bench-html] [3]   (LaSOT-280 x N trackers)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- segmenter-j [6] [150] [320] [240]   (J of the box and colour segmenters, tracked and on ground-truth boxes)
if (args.Length > 0 && args[0] == "segmenter-j") return SegmenterJ.Run(args[1..]);
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- davis-eval [9] [threads]   (DAVIS J&F of one 80-frame 854x480 sequence, 3 objects)
if (args.Length > 0 && args[0] == "davis-eval") return DavisEvalBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "html-report") return HtmlReportBuild.Run(args[1..]);
if (args.Length > 0 && args[0] == "nanotrack-fps") return NanoTrackThroughput.Run(args[1..]);
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- nanotrack-lost dump OUT.csv [2,3,1]   (presence cues per frame; NL_ONLY=names, NL_SPLICE=names)
// dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- nanotrack-lost eval tune|held [2,3,1] [key=value ...]   (long-term=released vs ours; NL_ONLY, NL_TRACE=1, NL_OURS_ONLY=1)
if (args.Length > 0 && args[0] == "nanotrack-lost") return NanoTrackLongTermBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "external-overhead") return ExternalOverhead.Run(args[1..]);
if (args.Length > 0 && args[0] == "reasoning-fps") return await ReasoningThroughput.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "media-throughput") return MediaThroughput.Run(args[1..]);
if (args.Length > 0 && args[0] == "media-encoding") return MediaEncoding.Run(args[1..]);
if (args.Length > 0 && args[0] == "lasot-load") return LasotLoadTime.Run();
if (args.Length > 0 && args[0] == "eval-phases") return EvalPhases.Run(args[1..]);
if (args.Length > 0 && args[0] == "parse-speed") return ParseSpeed.Run(args[1..]);
if (args.Length > 0 && args[0] == "eval-vs-numpy") return EvalVsNumpy.Run(args[1..]);
if (args.Length > 0 && args[0] == "vlm-fleet") return await VlmFleetThroughput.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "r1track-jpeg") return R1TrackJpegCrops.Run(args[1..]);
if (args.Length > 0 && args[0] == "sample-target-resize") return SampleTargetResize.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
