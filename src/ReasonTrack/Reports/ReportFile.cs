namespace ReasonTrack.Reports;

/// <summary>One rendered report file: its path relative to the output folder (forward slashes) and its text.</summary>
public sealed record ReportFile(string RelativePath, string Content);
