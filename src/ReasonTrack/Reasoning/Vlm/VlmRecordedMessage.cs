namespace ReasonTrack.Reasoning.Vlm;

/// <summary>One recorded request message: role and parts in the order sent.</summary>
public sealed record VlmRecordedMessage(string Role, IReadOnlyList<VlmRecordedPart> Parts);
