namespace ReasonTrack.Reasoning.Prompts;

/// <summary>Which text is refined and which text the tracker uses (the paper's ablation names).</summary>
public enum DescriptionStrategy
{
    /// <summary>Released behaviour: always refine the initial text; the decision is the text in force.</summary>
    Initial,

    /// <summary>Refine the last refined text; the decision is the text in force.</summary>
    Cascaded,

    /// <summary>Refine the initial text; in force: refined (dynamic) text, then the initial (static) one.</summary>
    DynamicStatic,

    /// <summary>Refine the initial text; in force: the initial (static) text, then the refined (dynamic) one.</summary>
    StaticDynamic,
}
