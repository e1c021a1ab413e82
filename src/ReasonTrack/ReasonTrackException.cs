namespace ReasonTrack;

/// <summary>
/// The base of every refusal ReasonTrack reports to a user: bad input (a file, a line, an option's value), a missing
/// tool or model, a server that never answered, an evaluation that cannot give honest numbers. The message is written
/// for a person (it names the file and line, or the option, and what to do); a front end prints it and exits with
/// code 2. Anything that is not a <see cref="ReasonTrackException"/> is a programming error (an internal error, exit 70).
/// </summary>
public class ReasonTrackException : Exception
{
    public ReasonTrackException(string message) : base(message) { }

    public ReasonTrackException(string message, Exception? innerException) : base(message, innerException) { }
}
