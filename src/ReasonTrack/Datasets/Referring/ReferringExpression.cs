namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// One referring expression of a video: the text and the object(s) it names. Refer-DAVIS17 and Refer-YouTube-VOS name
/// one object per expression; MeViS may name several (<see cref="ObjectIds"/>, with their mask annotations
/// <see cref="AnnotationIds"/>). <see cref="Source"/> and <see cref="Line"/> say where it was read, for messages.
/// </summary>
public sealed record ReferringExpression(string Id, string Text, IReadOnlyList<int> ObjectIds)
{
    /// <summary>MeViS: the keys of <c>mask_dict.json</c> whose masks together are this expression's target (empty elsewhere).</summary>
    public IReadOnlyList<string> AnnotationIds { get; init; } = [];

    /// <summary>The file the expression was read from.</summary>
    public string? Source { get; init; }

    /// <summary>1-based line in <see cref="Source"/> (text formats), else 0.</summary>
    public int Line { get; init; }

    /// <summary>The single object this expression names (Refer-DAVIS17, Refer-YouTube-VOS); throws for MeViS multi-object ones.</summary>
    public int ObjectId => ObjectIds.Count == 1 ? ObjectIds[0]
        : throw new ReasonTrackException($"expression {Id} ('{Text}') names {ObjectIds.Count} objects, not one");
}
