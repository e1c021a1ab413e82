namespace ReasonTrack.Trackers;

/// <summary>A tracker that loaded model files (weights): their full paths, so that a run can record their hashes.</summary>
public interface IModelFileTracker
{
    IReadOnlyList<string> ModelFiles { get; }
}
