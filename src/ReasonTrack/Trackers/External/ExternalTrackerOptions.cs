namespace ReasonTrack.Trackers.External;

/// <summary>
/// How to start and talk to an external tracker (a child process speaking the protocol of docs/tracker-protocol.md).
/// Ours: ReasonTrack's own bridge design, not part of any released system.
/// </summary>
public sealed record ExternalTrackerOptions
{
    /// <summary>The program and its arguments (setting <c>command</c>, split like a shell word list without a shell).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>When set, the program run is this interpreter with <see cref="Command"/> as its arguments (setting <c>interpreter</c>).</summary>
    public string? Interpreter { get; init; }

    /// <summary>Working directory of the child; null = the current directory (setting <c>workdir</c>).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Longest wait for one reply to <c>init</c>, <c>update</c>, <c>text</c> or <c>close</c> (setting <c>timeout</c>, seconds). Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the <c>hello</c> reply: the child loads its model before answering (setting <c>startup-timeout</c>). Default 300 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How many of the child's last stderr lines are kept for messages (setting <c>stderr-lines</c>). Default 20.</summary>
    public int StderrLines { get; init; } = 20;

    /// <summary>The clock the timeouts run on (tests inject a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The program actually started and its arguments.</summary>
    public (string Program, IReadOnlyList<string> Arguments) StartLine() =>
        Interpreter is { Length: > 0 } i ? (i, Command) : (Command[0], Command.Skip(1).ToList());

    /// <summary>The command as a person would type it, for messages.</summary>
    public string Display()
    {
        var (p, a) = StartLine();
        return string.Join(' ', new[] { p }.Concat(a).Select(s => s.Contains(' ') ? $"\"{s}\"" : s));
    }
}
