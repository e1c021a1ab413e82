namespace ReasonTrack.Training.Data;

/// <summary>
/// The gate a teacher VLM's reply must pass to become an SFT row. Issue 5 asks for ReasoningTrack's <b>strict format
/// reward</b> here (<c>&lt;think&gt;..&lt;/think&gt;..&lt;d&gt;yes|no&lt;/d&gt;..&lt;answer&gt;..&lt;/answer&gt;</c> after whitespace
/// normalisation): <see cref="StrictFormatReplyCheck"/>. Other gates (a length limit, a judge) plug in here too.
/// </summary>
public interface ITeacherReplyCheck
{
    /// <summary>A short name for the check, written into the set's settings (e.g. <c>reasoningtrack-strict</c>).</summary>
    string Name { get; }

    /// <summary>True when <paramref name="reply"/> may enter the set; otherwise <paramref name="reason"/> says why (for the summary).</summary>
    bool Accepts(string reply, out string reason);
}
