namespace ReasonTrack.Trackers.External;

/// <summary>
/// <c>external</c>: a tracker in a child process over docs/tracker-protocol.md (ours). Settings: <c>command</c>
/// (required), <c>interpreter</c>, <c>workdir</c>, <c>timeout</c>, <c>startup-timeout</c>, <c>stderr-lines</c>.
/// </summary>
public sealed class ExternalTrackerFactory : ITrackerFactory
{
    public string Name => "external";
    public IReadOnlyList<string> Aliases => [];

    /// <summary>The child is given the description (<c>init</c>'s <c>text</c>, then <c>text</c> requests).</summary>
    public bool ReadsText => true;
    public string Description => "A tracker in a child process speaking ReasonTrack's tracker protocol (docs/tracker-protocol.md), e.g. a pytracking model through python/reasontrack_adapter.py (ours).";

    public IReadOnlyList<TrackerSetting> Settings { get; } =
    [
        new("command", "", "the program and its arguments, e.g. \"python3 my_adapter.py --checkpoint m.pth\" (required; quotes group words, no shell)"),
        new("interpreter", "", "when set, the program run with command as its arguments (e.g. /usr/bin/python3)"),
        new("workdir", "", "working directory of the child (empty = the current directory)"),
        new("timeout", "60", "seconds to wait for each reply to init, update, text and close"),
        new("startup-timeout", "300", "seconds to wait for the hello reply (the child loads its model first)"),
        new("stderr-lines", "20", "how many of the child's last stderr lines are kept for messages"),
    ];

    public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TrackerSettings.RejectUnknown(Name, settings, Settings);
        return new ExternalTracker(OptionsFrom(settings));
    }

    /// <summary>The typed options of string settings (the errors name the setting).</summary>
    public static ExternalTrackerOptions OptionsFrom(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.TryGetValue("command", out var command);
        var words = CommandWords.Split(command ?? "");
        if (words.Count == 0)
            throw new InvalidSettingException("tracker settings", "tracker external needs the setting command (the program that speaks the tracker protocol, e.g. command=\"python3 my_adapter.py\"; see docs/tracker-protocol.md)");
        double timeout = TrackerSettings.Double(settings, "timeout", 60), startup = TrackerSettings.Double(settings, "startup-timeout", 300);
        if (timeout <= 0 || startup <= 0) throw new InvalidSettingException("tracker settings", "settings timeout and startup-timeout must be positive seconds");
        int lines = TrackerSettings.Int(settings, "stderr-lines", 20);
        if (lines < 1) throw new InvalidSettingException("tracker settings", "setting stderr-lines must be at least 1");
        settings.TryGetValue("interpreter", out var interpreter);
        settings.TryGetValue("workdir", out var workdir);
        return new ExternalTrackerOptions
        {
            Command = words,
            Interpreter = string.IsNullOrWhiteSpace(interpreter) ? null : interpreter,
            WorkingDirectory = string.IsNullOrWhiteSpace(workdir) ? null : workdir,
            Timeout = TimeSpan.FromSeconds(timeout),
            StartupTimeout = TimeSpan.FromSeconds(startup),
            StderrLines = lines,
        };
    }
}
