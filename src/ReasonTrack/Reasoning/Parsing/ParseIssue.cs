namespace ReasonTrack.Reasoning.Parsing;

/// <summary>One thing a parser noticed in a model reply. Several may be reported for one reply.</summary>
public enum ParseIssue
{
    /// <summary>The reply was null, empty or only whitespace.</summary>
    Empty,

    /// <summary>An expected tag (or JSON block) is absent.</summary>
    TagMissing,

    /// <summary>A tag occurs more than once; the first occurrence was used.</summary>
    TagRepeated,

    /// <summary>A tag was written with other case or with spaces inside the brackets (<c>&lt;D&gt;</c>, <c>&lt; d &gt;</c>).</summary>
    TagVariant,

    /// <summary>A tag is opened but never closed (reply cut off).</summary>
    TagUnterminated,

    /// <summary>Tags are present but not in the order the prompt asks for.</summary>
    TagOrder,

    /// <summary>The decision tag holds something other than <c>yes</c>/<c>no</c>, or needed normalising to be one.</summary>
    DecisionNotYesNo,

    /// <summary>The answer is empty or is the parser's default text.</summary>
    AnswerEmpty,

    /// <summary>The whole reply does not have the required form (R1-Track's think fullmatch).</summary>
    FormatMismatch,

    /// <summary>JSON was inside a Markdown code fence.</summary>
    CodeFence,

    /// <summary>Text surrounds the JSON value.</summary>
    TrailingText,

    /// <summary>No JSON value could be found.</summary>
    NoJson,

    /// <summary>JSON starts but is cut off; complete pieces were salvaged where possible.</summary>
    JsonUnterminated,

    /// <summary>JSON was found but is not valid.</summary>
    JsonInvalid,

    /// <summary>A single object where a list was expected (or a bare list where an object was expected).</summary>
    ShapeVariant,

    /// <summary>A box does not have exactly four coordinates.</summary>
    WrongCount,

    /// <summary>A coordinate is not a finite number.</summary>
    NotNumbers,

    /// <summary>A coordinate lies outside the allowed range (image or crop).</summary>
    OutOfRange,

    /// <summary>Corners were given swapped (x2 &lt; x1 or y2 &lt; y1).</summary>
    Swapped,

    /// <summary>The box has no area (x1 &gt;= x2 or y1 &gt;= y2) after clamping.</summary>
    Degenerate,

    /// <summary>The model said the target is not visible.</summary>
    NotVisible,

    /// <summary>The box touches the image border, which R1-Track's loop before commit 969f246 (pre-0.680) treated as a failure; reported only when that rule is asked for.</summary>
    TouchesBorder,
}
