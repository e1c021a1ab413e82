using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Modes;

namespace ReasonTrack.Runs;

/// <summary>
/// The reasoning of a dataset run: the setup, the client every sequence shares (not part of the configuration: the
/// server's address does not change results), a description for every sequence (else each sequence's language file)
/// and whether the first box is grounded even where ground truth gives one.
/// </summary>
public sealed record RunReasoning(ReasoningSetupOptions Setup, IChatClient Client, string? Text, bool GroundInit)
{
    /// <summary>The first box comes from grounding the text or instruction.</summary>
    public bool Grounded => GroundInit && (Text is not null || Setup.Instruction is not null);
}
