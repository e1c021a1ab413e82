using Microsoft.Extensions.AI;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The VLM that writes ReasoningTrack SFT answers (the reasoning layer's <c>OpenAiCompatibleChatClient</c> in
/// practice) and the check its replies must pass. Replies are not reproducible unless the server is (greedy decoding
/// on the same model and hardware), so an SFT set is deterministic for a seed only up to the teacher's replies.
/// </summary>
public sealed record TeacherModel(IChatClient Client, ITeacherReplyCheck Check)
{
    /// <summary>JPEG quality of the frames sent to the teacher.</summary>
    public int JpegQuality { get; init; } = 95;
}
