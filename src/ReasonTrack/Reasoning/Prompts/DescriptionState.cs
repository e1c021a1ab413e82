using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// The description bookkeeping of a ReasoningTrack run, as an immutable value: what text goes into the next request
/// (<see cref="TextToRefine"/>) and what text the tracker uses now (<see cref="InForce"/>).
/// <para>
/// Concatenation format (ours: the paper names "static+dynamic" and "dynamic+static" but gives no string):
/// <c>first + "; " + second</c>. When the refined text equals the initial one (the model said no) only the initial
/// text is used, so nothing is repeated. Order matters downstream: DUTrack keeps only the first 16 BERT tokens, so
/// the first part is the one sure to survive.
/// </para>
/// </summary>
public sealed record DescriptionState
{
    /// <summary>Separator of the concatenating strategies (ours, see the type's remarks).</summary>
    public const string ConcatenationSeparator = "; ";

    public DescriptionState(DescriptionStrategy strategy, string initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        Strategy = strategy;
        Initial = initial;
    }

    public DescriptionStrategy Strategy { get; }

    /// <summary>The description given with the sequence.</summary>
    public string Initial { get; }

    /// <summary>The text decided by the latest reply, or null before any reply.</summary>
    public string? Refined { get; private init; }

    /// <summary>Number of replies applied.</summary>
    public int Updates { get; private init; }

    /// <summary>The text sent with the next request.</summary>
    public string TextToRefine => Strategy == DescriptionStrategy.Cascaded ? Refined ?? Initial : Initial;

    /// <summary>The text the tracker should use now.</summary>
    public string InForce
    {
        get
        {
            if (Refined is null || Refined == Initial) return Initial;
            return Strategy switch
            {
                DescriptionStrategy.DynamicStatic => Refined + ConcatenationSeparator + Initial,
                DescriptionStrategy.StaticDynamic => Initial + ConcatenationSeparator + Refined,
                _ => Refined,
            };
        }
    }

    /// <summary>The state after a reply: the reply's decision about <see cref="TextToRefine"/> becomes the refined text.</summary>
    public DescriptionState Apply(ReasoningTrackReply reply) => Apply(reply, TextToRefine);

    /// <summary>
    /// The state after a reply to a request that carried <paramref name="sentText"/>: with calls in flight (realtime
    /// mode) the text sent may no longer be <see cref="TextToRefine"/>, and "no" means "keep the text I was shown".
    /// </summary>
    public DescriptionState Apply(ReasoningTrackReply reply, string sentText)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(sentText);
        return this with { Refined = reply.Decision(sentText), Updates = Updates + 1 };
    }
}
