namespace ReasonTrack;

/// <summary>
/// The one list of exceptions that report a problem with the user's input or environment rather than a bug: every
/// <see cref="ReasonTrackException"/>, and the file-system and network errors about a path or server the user gave.
/// Per-item loops (a sequence, a video) record these as that item's failure and go on; anything else is a programming
/// error and stops the run.
/// </summary>
public static class UserFacingErrors
{
    public static bool IsUserFacing(Exception e) =>
        e is ReasonTrackException or IOException or UnauthorizedAccessException or System.Net.Http.HttpRequestException;
}
