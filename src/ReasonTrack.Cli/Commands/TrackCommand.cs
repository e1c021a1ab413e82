using System.CommandLine;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results;
using ReasonTrack.Runs;
using ReasonTrack.Trackers;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack track</c>: one video or frame folder, one tracker; boxes, scores, times, optional annotated video.</summary>
internal static class TrackCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input", "-i") { Description = "A video file (mp4, avi, webm, mkv) or a folder of frames (jpg/png; frames directly in it or in img/ or imgs/)." };
        var init = new Option<string?>("--init") { Description = "The initial box x,y,w,h in pixels of the first frame (optional with --text or --instruction and a --reasoner: the model grounds it)." };
        var groundtruth = new Option<string?>("--groundtruth", "-g") { Description = "A ground-truth file (x,y,w,h per row): its first row initializes the tracker and the run is evaluated against it (otb protocol)." };
        var tracker = new Option<string>("--tracker", "-t") { Description = "Tracker name (see 'reasontrack trackers'); 'default' is the weights-free DCF tracker.", DefaultValueFactory = _ => "default" };
        var settings = new Option<string[]>("--set") { Description = "A tracker setting name=value; repeatable.", AllowMultipleArgumentsPerToken = true };
        var modelDir = new Option<string?>("--model-dir") { Description = "Folder of model files (NanoTrack's ONNX files)." };
        var outDir = new Option<string>("--out", "-o") { Description = "Where <name>.txt, <name>_scores.txt and <name>_time.txt go.", DefaultValueFactory = _ => Path.Combine("out", "track") };
        var video = new Option<string?>("--video") { Description = "Also write an annotated video (mp4) here." };
        var font = new Option<string?>("--font") { Description = "A .ttf/.otf font for the annotated video's labels (default: DejaVu Sans where the system has it, Debian's fonts-dejavu-core)." };
        var format = FormatOption();
        var segmenter = CliOptions.Segmenter();
        var maskAnnotations = CliOptions.MaskAnnotations();
        var example = new Option<bool>("--example") { Description = "Track a generated sequence (no third-party data: textured target, scale change, occlusion, distractor), write an annotated video and evaluate the run." };
        var report = new Option<string?>("--report") { Description = "Also write the HTML report of the run to this folder (needs --groundtruth or --example; the annotated video is shown when --video is given)." };
        var cmd = new Command("track", "Track one target through one video or frame folder and write boxes, scores and per-frame times.")
        {
            input, init, groundtruth, tracker, settings, modelDir, outDir, video, font, format, segmenter, maskAnnotations, example, report,
        };
        var reasoning = new ReasoningCliOptions(hasInit: true);
        reasoning.AddTo(cmd);
        cmd.WithExamples(
            "reasontrack track --example",
            "reasontrack track -i video.mp4 --init 120,80,60,90 -t nanotrack --model-dir models/nanotrack --segmenter colour --video out/annotated.mp4",
            "reasontrack track -i frames/ -g groundtruth.txt --reasoner reasoningtrack --model Qwen2.5-VL-7B-Instruct --vlm-url http://127.0.0.1:8000/v1");
        cmd.SetAction(parse => CliErrors.Run(() => Run(
            parse.GetValue(input), parse.GetValue(init), parse.GetValue(groundtruth), parse.GetValue(tracker)!, parse.GetValue(settings) ?? [],
            parse.GetValue(modelDir), parse.GetValue(outDir)!, parse.GetValue(video), parse.GetValue(font), parse.GetValue(format)!, parse.GetValue(example), reasoning.Read(parse),
            parse.GetValue(reasoning.Text), parse.GetValue(report), parse.GetValue(segmenter)!, parse.GetValue(maskAnnotations))));
        return cmd;
    }

    /// <summary><c>--format</c>: the results layout (track and run).</summary>
    internal static Option<ResultLayout> FormatOption() => CliOptions.Enum("--format", Names.ResultLayouts,
        "Results layout: plain (x,y,w,h), pytracking, matlab, got10k, vptracker.", ResultLayout.Plain);

    private static int Run(string? input, string? init, string? groundtruth, string trackerName, string[] settings, string? modelDir,
        string outDir, string? video, string? font, ResultLayout layout, bool example, ReasoningCliSelection? reasoning, string? text, string? reportDir,
        Segmentation.SegmenterOptions segmenter, string? maskAnnotations)
    {
        if (maskAnnotations is not null && reportDir is null) throw new ReasonTrackException("--mask-annotations is for the report: give --report too");
        if (maskAnnotations is not null && !Directory.Exists(maskAnnotations)) throw new ReasonTrackException($"--mask-annotations {maskAnnotations}: no such folder");
        Box[]? gt = null;
        bool[]? absent = null;
        IFrameSource source;
        Box? initBox;
        if (example)
        {
            var seq = new SyntheticSequence();
            source = seq.AsFrameSource("synthetic");
            gt = seq.GroundTruth;
            absent = seq.Absent;
            initBox = gt[0];
            video ??= Path.Combine(outDir, "synthetic.mp4");
            Console.WriteLine($"example: a generated {seq.Size} sequence of {seq.Options.Frames} frames (scale change, occlusion in frames " +
                              $"{seq.Options.Occlusion?.Start + 1}-{seq.Options.Occlusion?.End}, a distractor)");
        }
        else
        {
            if (input is null) throw new ReasonTrackException("--input is required (a video file or a frame folder), or --example");
            if (groundtruth is not null)
            {
                gt = NumericTable.Read(groundtruth).ToBoxes();
                if (gt.Length == 0) throw new DataFormatException(groundtruth, "ground truth is empty");
            }
            bool grounded = reasoning is not null && (reasoning.Text is not null || reasoning.Setup.Instruction is not null);
            initBox = init is not null ? ParseBox(init)
                : gt is not null && !(grounded && reasoning!.GroundInit) ? gt[0]
                : grounded ? null
                : throw new ReasonTrackException("give the initial box with --init x,y,w,h or a --groundtruth file (or --text/--instruction with a --reasoner)");
            source = FrameSources.Open(input, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
        }
        if (reportDir is not null && gt is null) throw new ReasonTrackException("--report needs a ground truth to evaluate against: give --groundtruth (or use --example)");
        if (reasoning is not null) ReasoningSetup.Validate(reasoning.Setup, initBox is not null, reasoning.Text);

        var context = new TrackerContext { ModelDirectory = modelDir };
        string trackerKey = reasoning is null ? trackerName : ReasoningSetup.TrackerFor(reasoning.Setup.Kind, trackerName);
        string resultName = reasoning?.ResultName(trackerName) ?? trackerName;
        using var tracker = TrackerRegistry.Create(trackerKey, TrackerSettings.Parse(settings), context);
        using var masks = new Segmentation.MaskRecorder(tracker, segmenter);
        // Without a reasoner --text is only for a tracker that reads text (the initial description, never refined).
        if (reasoning is null && text is not null && tracker is not ITextTracker)
            Console.WriteLine($"note: tracker {tracker.Name} does not read text: --text is not used without --reasoner");
        var (client, fleet, recorder) = reasoning is null ? (null, null, null) : reasoning.CreateClient(line => Console.WriteLine($"vlm fleet: {line}"), outDir);
        using var fleetReport = ReasoningCliSelection.ReportFleetAtEnd(fleet, outDir);
        using (recorder)
        using (client)
        using (source)
        {
            // The annotator first: a missing font is reported before any work is done.
            using var annotator = video is null ? null : new FrameAnnotator(new AnnotationOptions { FontFile = font });
            IFrameSink? sink = video is null ? null : new FfmpegVideoSink(video, fps: 30);
            try
            {
                ReasoningCallCounts? calls = null;
                var outcome = reasoning is null
                    ? RunWithProgress(tracker.Name, source, sink, annotator, gt, (observe, progress) => SequenceTracking.Run(tracker, source, initBox!.Value, masks.Before(observe), progress, description: text), masks)
                    : RunWithProgress(resultName, source, sink, annotator, gt, (observe, progress) =>
                    {
                        var tracked = reasoning.Track(client!, tracker, source, initBox, reasoning.Text, ResultWriter.PathFor(layout, outDir, resultName, source.Name), observe, progress, annotator, masks);
                        calls = tracked.Calls;
                        return tracked.Outcome;
                    }, masks);
                string path = TrackingOutputs.Write(outcome, outDir, layout, resultName);
                string? maskFolder = masks.Masks is { } made ? MaskOutputs.Write(made, path, outcome.Sequence, outcome.Frames) : null;
                foreach (var w in outcome.Warnings) Console.WriteLine($"warning: {w}");
                Console.WriteLine($"{outcome.Sequence}: {outcome.Frames} frames, {outcome.TrackingFramesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} frames/s of tracking work ({resultName}" +
                                  (reasoning is null ? "" : $", {reasoning.Setup.Schedule.ToString().ToLowerInvariant()} reasoning") + $"); boxes: {path}");
                if (reasoning is not null)
                {
                    var side = ReasoningOutputs.Beside(path, outcome.Sequence);
                    Console.WriteLine($"reasoning log: {side.LogPath} ({ReasoningCliSelection.Summary(side.LogPath)}); descriptions: {side.DescriptionsPath}");
                }
                // The failure policy (see VlmFailurePolicy): the boxes stay for inspection, the command fails.
                if (reasoning is not null && calls is not null && reasoning.FailurePolicy.Judge(calls) is { } failed)
                {
                    FailedSequenceMarker.Write(path, failed);
                    throw new RunFailedException($"{outcome.Sequence}: reasoning failed: {failed}; the boxes are kept for inspection (marked {Path.GetFileName(FailedSequenceMarker.PathFor(path))}); --allow-vlm-failures accepts them",
                        [new SequenceFailure(outcome.Sequence, failed, ModelFailure: true)]);
                }
                if (reasoning is not null) FailedSequenceMarker.Clear(path);
                sink?.Dispose();
                sink = null;
                if (video is not null) Console.WriteLine($"annotated video: {Path.GetFullPath(video)}");
                if (maskFolder is not null)
                    Console.WriteLine($"masks: {maskFolder}{Path.DirectorySeparatorChar} ({outcome.Frames} DAVIS PNGs, object id {masks.ObjectId}; " +
                                      $"{masks.Seconds.Sum().ToString("0.00", CultureInfo.InvariantCulture)} s segmenting)");
                if (gt is not null)
                {
                    var (evaluation, ds, located) = PrintEvaluation(outcome, gt, absent, path, resultName);
                    if (reportDir is not null)
                    {
                        var started = System.Diagnostics.Stopwatch.StartNew();
                        var written = new ReasonTrack.Reports.Html.HtmlReportBuilder(new ReasonTrack.Reports.Html.HtmlReportOptions
                        {
                            OutputDirectory = reportDir,
                            Dataset = ds,
                            Results = [located],
                            Videos = video is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [outcome.Sequence] = video },
                            // The video above already shows the masks; J per frame against ground-truth masks when given.
                            Masks = new ReasonTrack.Reports.Html.HtmlReportMasks { Annotations = maskAnnotations },
                        }).Build(evaluation);
                        ReportCommand.Print(written, started.Elapsed);
                    }
                }
            }
            finally
            {
                sink?.Dispose();
            }
        }
        return 0;
    }

    internal static TrackingOutcome RunWithProgress(string label, IFrameSource source, IFrameSink? sink, FrameAnnotator? annotator, Box[]? gt,
        Func<Action<ImageFrame, TrackResult>?, IProgress<int>?, TrackingOutcome> run, Segmentation.MaskRecorder? masks = null)
    {
        var overlay = new MaskOverlay();
        Action<ImageFrame, TrackResult>? observe = sink is null || annotator is null ? null : (frame, result) =>
        {
            // The frame's mask first (translucent fill + outline in its object's DAVIS colour), the boxes over it.
            if (masks?.Current is { } mask) overlay.Draw(frame, mask, MaskOverlay.ColourOf(masks.ObjectId));
            // Ground truth thin green; the tracker's box yellow when found, red when lost, labelled with its score.
            if (gt is not null && frame.Index < gt.Length && gt[frame.Index].HasPositiveSize) annotator.DrawBox(frame, gt[frame.Index], Rgb.Green, 1);
            annotator.DrawBox(frame, result.Box, result.Found ? Rgb.Yellow : Rgb.Red, 2,
                $"{label} {result.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
            annotator.DrawLabel(frame, 0, 0, $"#{frame.Index + 1}", Rgb.Black, Rgb.White);
            sink.Write(frame);
        };
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return run(observe, null);
        TrackingOutcome? outcome = null;
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{source.Name} ({label})", maxValue: source.FrameCount ?? 1);
                var started = System.Diagnostics.Stopwatch.StartNew();
                outcome = run(observe, new Progress<int>(n =>
                {
                    task.Value = source.FrameCount is null ? 0 : n;
                    task.Description = $"{source.Name} ({label}) {n / Math.Max(1e-3, started.Elapsed.TotalSeconds):0} frames/s";
                }));
            });
        return outcome!;
    }

    private static (EvaluationReport Report, Dataset Dataset, ResultSource Source) PrintEvaluation(TrackingOutcome outcome, Box[] gt, bool[]? absent, string resultPath, string trackerName)
    {
        // The run against its own ground truth, under the protocol that fits it: LaSOT's rules when absence is
        // labelled (absent frames removed), OTB's otherwise.
        var seq = new Sequence(outcome.Sequence, gt.Take(outcome.Frames).ToArray()) { Absent = absent?.Take(outcome.Frames).ToArray() };
        var ds = new Dataset("track", outcome.Sequence, Path.GetDirectoryName(resultPath)!, [seq]);
        var protocol = ProtocolRegistry.Get(absent is null ? "otb" : "lasot-matlab");
        var source = ResultLocator.Locate(trackerName, Path.GetDirectoryName(resultPath)!, [seq.Name]);
        var report = Evaluator.Evaluate(ds, [source], protocol);
        TerminalTable.Print(report);
        return (report, ds, source);
    }

    internal static Box ParseBox(string text)
    {
        var parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            throw new ReasonTrackException($"--init must be x,y,w,h (four numbers), not '{text}'");
        var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new Box(v[0], v[1], v[2], v[3]);
    }
}
