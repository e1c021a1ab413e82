namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// A ReasoningTrack reply read the way the released tracker reads it: for each of <c>think</c>, <c>d</c> and
/// <c>answer</c> the FIRST match of <c>&lt;tag&gt;(.*?)&lt;/tag&gt;</c> anywhere in the text (dot matches newline),
/// trimmed; missing tags take the defaults below. "First anywhere" matters: real SFT outputs mention <c>&lt;d&gt;</c>
/// inside their reasoning (one holds <c>&lt;d&gt;&lt;/d&gt;</c> before the real <c>&lt;d&gt;yes&lt;/d&gt;</c>), and
/// the released tracker then reads the one in the reasoning. This is deliberately not the strict reward parser
/// (which first strips whitespace around brackets and requires the tag order); that belongs to the rewards.
/// </summary>
public sealed class ReasoningTrackReply
{
    /// <summary>Released default when <c>&lt;answer&gt;</c> is missing; also the text that never replaces a description.</summary>
    public const string DefaultAnswer = "tracking the object";

    /// <summary>Released default when <c>&lt;d&gt;</c> is missing.</summary>
    public const string DefaultDecision = "no";

    /// <summary>Released default when <c>&lt;think&gt;</c> is missing.</summary>
    public const string DefaultThink = "no thinking";

    private ReasoningTrackReply(string think, string d, string answer, bool wantsUpdate, ParseReport report)
    {
        Think = think;
        D = d;
        Answer = answer;
        WantsUpdate = wantsUpdate;
        Report = report;
    }

    /// <summary>The reasoning (trimmed), or <see cref="DefaultThink"/>.</summary>
    public string Think { get; }

    /// <summary>The decision text as found (trimmed, not lower-cased), or <see cref="DefaultDecision"/>.</summary>
    public string D { get; }

    /// <summary>The proposed description (trimmed), or <see cref="DefaultAnswer"/>.</summary>
    public string Answer { get; }

    /// <summary>True when <see cref="Decision"/> returns <see cref="Answer"/> instead of the text given.</summary>
    public bool WantsUpdate { get; }

    public ParseReport Report { get; }

    /// <summary>
    /// The description to use after this reply: <see cref="Answer"/> if the model decided <c>yes</c> (exactly
    /// <c>yes</c> in released mode) and the answer is a real one, otherwise <paramref name="current"/> unchanged.
    /// </summary>
    public string Decision(string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return WantsUpdate ? Answer : current;
    }

    /// <summary>Reads a reply; never throws on model output (null is read as an empty reply).</summary>
    public static ReasoningTrackReply Parse(string? text, ReplyParsing mode = ReplyParsing.Tolerant)
    {
        var log = new ParseLog();
        text ??= "";
        if (text.Trim().Length == 0) log.Fallback(ParseIssue.Empty, "empty reply: defaults used");
        bool tolerant = mode == ReplyParsing.Tolerant;

        var think = Read(text, "think", tolerant, log, out string thinkText, DefaultThink, required: false);
        var d = Read(text, "d", tolerant, log, out string dText, DefaultDecision, required: true);
        var answer = Read(text, "answer", tolerant, log, out string answerText, DefaultAnswer, required: true);

        if (think is { } t && d is { } dd && answer is { } a && !(t.Position < dd.Position && dd.Position < a.Position))
            log.Note(ParseIssue.TagOrder, "tags are not in the order think, d, answer");

        bool yes;
        if (!tolerant) yes = dText == "yes";
        else
        {
            string norm = dText.Trim().TrimEnd('.', '!').Trim().ToLowerInvariant();
            yes = norm == "yes";
            if (d is not null && norm != dText && norm is "yes" or "no")
                log.Repair(ParseIssue.DecisionNotYesNo, $"decision '{dText}' read as '{norm}'");
        }
        if (d is not null && !yes && dText != "no" && !log.HasIssue(ParseIssue.DecisionNotYesNo))
            log.Note(ParseIssue.DecisionNotYesNo, $"decision '{Short(dText)}' is not yes/no: kept the description");

        bool wants = yes && answerText != DefaultAnswer;
        if (yes && answerText == DefaultAnswer && answer is not null)
            log.Note(ParseIssue.AnswerEmpty, "decision yes but the answer is the default text: kept the description");
        if (tolerant && wants && answerText.Length == 0)
        {
            // Released code would install an empty description; an empty text gives the tracker nothing to ground.
            wants = false;
            log.Fallback(ParseIssue.AnswerEmpty, "decision yes with an empty answer: kept the description");
        }
        return new ReasoningTrackReply(thinkText, dText, answerText, wants, log.ToReport());
    }

    private static TagReader.TagMatch? Read(string text, string tag, bool tolerant, ParseLog log, out string value, string fallback, bool required)
    {
        var m = tolerant ? TagReader.FindTolerant(text, tag) : TagReader.FindExact(text, tag);
        if (m is null)
        {
            value = fallback;
            if (text.Trim().Length > 0)
            {
                if (required) log.Fallback(ParseIssue.TagMissing, $"<{tag}> missing: '{fallback}' used");
                else log.Note(ParseIssue.TagMissing, $"<{tag}> missing");
            }
            return null;
        }
        var found = m.Value;
        if (found.Unterminated && tag != "think")
        {
            // A cut-off decision or description is not trusted: half a sentence misdescribes the target.
            value = fallback;
            log.Fallback(ParseIssue.TagUnterminated, $"<{tag}> never closed (reply cut off): '{fallback}' used");
            return null;
        }
        if (found.Unterminated) log.Note(ParseIssue.TagUnterminated, $"<{tag}> never closed (reply cut off)");
        if (found.Variant) log.Repair(ParseIssue.TagVariant, $"<{tag}> written with other case or spacing");
        if (found.Count > 1) log.Note(ParseIssue.TagRepeated, $"<{tag}> occurs {found.Count} times: the first was used");
        value = found.Content.Trim();
        return found;
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
