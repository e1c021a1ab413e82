using ReasonTrack.Evaluation;
using ReasonTrack.IO;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Turns the errors bad input produces into a message and an exit code, never a stack trace: the first line is a
/// one-line reason; details (lists of files) follow.
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DataFormatException or EvaluationException or ArgumentException or IOException or UnauthorizedAccessException
                                   or InvalidOperationException or Media.MediaException or Media.FfmpegNotFoundException)
        {
            var lines = e.Message.Split('\n');
            Console.Error.WriteLine("error: " + lines[0].TrimEnd());
            foreach (var l in lines.Skip(1)) Console.Error.WriteLine(l.TrimEnd());
            return BadInput;
        }
    }

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Esc(string s) => Markup.Escape(s);
}
