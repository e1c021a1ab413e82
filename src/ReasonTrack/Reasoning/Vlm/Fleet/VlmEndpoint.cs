namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>
/// One OpenAI-compatible server of a <see cref="VlmFleet"/>: its base address (ending in <c>/v1</c>) and, optionally,
/// how many requests it may hold at once (null: <see cref="VlmClientOptions.MaxConcurrentRequests"/> of the fleet's
/// client settings).
/// </summary>
public sealed record VlmEndpoint(Uri BaseUrl, int? MaxConcurrentRequests = null);
