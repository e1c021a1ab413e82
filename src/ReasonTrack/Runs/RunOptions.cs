using ReasonTrack.Datasets;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results;
using ReasonTrack.Trackers;

namespace ReasonTrack.Runs;

/// <summary>Everything a <see cref="DatasetRunner"/> needs: what to track, with what, where the results go, how to resume.</summary>
public sealed record RunOptions
{
    /// <summary>The dataset, loaded with its frame lists.</summary>
    public required Dataset Dataset { get; init; }

    /// <summary>The tracker's registry name (for the VLM-as-tracker reasoners, <c>identity</c>).</summary>
    public required string TrackerKey { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    public TrackerContext Context { get; init; } = new();
    public required string OutputDirectory { get; init; }

    /// <summary>The name results are filed under (the pytracking and Matlab layouts' folder name).</summary>
    public required string ResultName { get; init; }

    public ResultLayout Layout { get; init; } = ResultLayout.Plain;
    public int Jobs { get; init; } = 1;
    public int ShardIndex { get; init; }
    public int ShardCount { get; init; } = 1;

    /// <summary>
    /// True: skip sequences already complete under the same configuration, and refuse a results folder recorded with a
    /// different one (or with none). False: track everything again, replacing the results and the configuration record.
    /// </summary>
    public bool Resume { get; init; } = true;

    public RunReasoning? Reasoning { get; init; }

    /// <summary>Where masks come from when the tracker sends none (ours; default none: masks only from a tracker that sends them).</summary>
    public Segmentation.SegmenterOptions Segmenter { get; init; } = Segmentation.SegmenterOptions.None;
    public VlmFailurePolicy FailurePolicy { get; init; } = VlmFailurePolicy.Default;

    /// <summary>The sequences of this shard: i, i+N, i+2N, ...</summary>
    public IReadOnlyList<Sequence> ShardSequences => Dataset.Sequences.Where((_, i) => i % ShardCount == ShardIndex).ToList();

    /// <summary>The folder holding the box files (and the configuration record).</summary>
    public string ResultsDirectory => Layout switch
    {
        ResultLayout.Pytracking => Path.Combine(OutputDirectory, ResultName, "default"),
        ResultLayout.MatlabToolkit => Path.Combine(OutputDirectory, ResultName + "_tracking_result"),
        _ => OutputDirectory,
    };
}
