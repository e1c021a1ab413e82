namespace ReasonTrack;

/// <summary>
/// A setting given by the user is not acceptable (a value out of range, an unknown name, a combination that cannot
/// work). <see cref="Setting"/> names it in the library's vocabulary (e.g. <c>jobs</c>, <c>shard</c>,
/// <c>coords</c>); a front end may map it to its own spelling (a CLI flag), the library never names flags.
/// </summary>
public class InvalidSettingException : ReasonTrackException
{
    public InvalidSettingException(string? setting, string message) : base(message) => Setting = setting;

    /// <summary>The setting at fault, when there is one.</summary>
    public string? Setting { get; }
}
