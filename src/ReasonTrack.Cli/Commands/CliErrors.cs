using System.Text.RegularExpressions;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Turns errors into a message and an exit code, never a stack trace: the first line is a one-line reason; details
/// (lists of files) follow. Every refusal of bad input is a <see cref="ReasonTrackException"/> (exit 2), as are the
/// file-system errors about a path the user gave (not found, not readable), reworded to name the path; an
/// <see cref="AggregateException"/> from a parallel loop is unwrapped first. Anything else is a programming error:
/// exit 70 with its type and message, and <c>REASONTRACK_DEBUG=1</c> adds the stack trace for a bug report.
/// </summary>
internal static partial class CliErrors
{
    public const int BadInput = 2;
    public const int InternalError = 70;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Report(e);
        }
    }

    /// <summary>Prints an exception the way <see cref="Run"/> does and returns its exit code.</summary>
    public static int Report(Exception e)
    {
        e = Unwrap(e);
        if (e is ReasonTrackException)
        {
            Print(CliVocabulary.ForCli(e.Message));
            return BadInput;
        }
        if (UserFacingErrors.IsUserFacing(e))
        {
            Print(UserPathMessage(e) ?? e.Message);
            return BadInput;
        }
        Print($"internal error ({e.GetType().Name}): {e.Message}");
        if (Environment.GetEnvironmentVariable("REASONTRACK_DEBUG") == "1") Console.Error.WriteLine(e);
        else Console.Error.WriteLine("(set REASONTRACK_DEBUG=1 to see where it happened)");
        return InternalError;
    }

    /// <summary>The first inner exception of (nested) aggregates: what a parallel loop's body threw.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a)
            e = a.InnerExceptions.FirstOrDefault(i => i is ReasonTrackException) ?? a.InnerExceptions[0];
        return e;
    }

    /// <summary>A file-system error about a path, in words that name the path (never .NET's "Could not find file").</summary>
    internal static string? UserPathMessage(Exception e)
    {
        if (e is not (IOException or UnauthorizedAccessException)) return null;
        string? path = (e as FileNotFoundException)?.FileName ?? QuotedPath(e.Message);
        // A message the library wrote names its file already; only .NET's stock wording is replaced.
        bool stock = e.Message.StartsWith("Could not find", StringComparison.Ordinal) || e.Message.StartsWith("Access to the path", StringComparison.Ordinal)
                     || e.Message.StartsWith("The process cannot access", StringComparison.Ordinal) || e.Message.StartsWith("The file '", StringComparison.Ordinal);
        if (!stock || path is null) return e.Message;
        return e switch
        {
            FileNotFoundException => $"{path}: no such file",
            DirectoryNotFoundException => $"{path}: no such file or folder",
            UnauthorizedAccessException => $"{path}: permission denied",
            _ => $"{path}: {StripPath(e.Message, path)}",
        };
    }

    private static string? QuotedPath(string message) => QuotedPathRegex().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    private static string StripPath(string message, string path) => message.Replace($"'{path}'", "").Replace("  ", " ").Trim().TrimEnd('.');

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPathRegex();

    private static void Print(string message)
    {
        var lines = message.Split('\n');
        Console.Error.WriteLine("error: " + lines[0].TrimEnd());
        foreach (var l in lines.Skip(1)) Console.Error.WriteLine(l.TrimEnd());
    }

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Esc(string s) => Markup.Escape(s);
}
