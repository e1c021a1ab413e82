namespace ReasonTrack.Trackers;

/// <summary>Creates one kind of tracker from string settings (parsed into the tracker's own typed options).</summary>
public interface ITrackerFactory
{
    /// <summary>Registry name, lower case (e.g. <c>dcf</c>, <c>nanotrack-v2</c>).</summary>
    string Name { get; }

    /// <summary>Other names it answers to (e.g. <c>default</c>).</summary>
    IReadOnlyList<string> Aliases { get; }

    string Description { get; }

    /// <summary>The settings it accepts: name, default and meaning, for <c>reasontrack trackers</c>.</summary>
    IReadOnlyList<TrackerSetting> Settings { get; }

    /// <summary>
    /// Whether the trackers it creates read a text description (implement <see cref="ITextTracker"/>), for
    /// <c>reasontrack trackers</c>. Visual-only unless a factory says otherwise.
    /// </summary>
    bool ReadsText => false;

    /// <exception cref="ArgumentException">An unknown setting or a value that does not parse (the message names it).</exception>
    ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context);
}
