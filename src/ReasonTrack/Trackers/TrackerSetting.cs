namespace ReasonTrack.Trackers;

/// <summary>One setting a tracker accepts (<c>--set name=value</c>).</summary>
public sealed record TrackerSetting(string Name, string Default, string Description);
