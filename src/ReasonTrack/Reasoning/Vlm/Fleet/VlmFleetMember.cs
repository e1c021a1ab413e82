using Microsoft.Extensions.AI;

namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>
/// One endpoint as the fleet drives it: a name for messages and statistics (redacted with
/// <see cref="IO.UrlRedaction"/> before it is shown), the client that sends its requests (owned by the fleet from then
/// on) and the most requests it is given at once.
/// </summary>
public sealed record VlmFleetMember(string Name, IChatClient Client, int MaxConcurrentRequests);
