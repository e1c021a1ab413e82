using ReasonTrack.Evaluation;
using ReasonTrack.Interop.OnnxRuntime;
using ReasonTrack.IO;
using ReasonTrack.Media;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Turns errors into a message and an exit code, never a stack trace: the first line is a one-line reason; details
/// (lists of files) follow. Bad input exits 2; anything unexpected exits 70 with its type and message, and
/// <c>REASONTRACK_DEBUG=1</c> adds the stack trace for a bug report.
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;
    public const int InternalError = 70;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ReasonTrackException or DataFormatException or ReasonTrack.Reasoning.Vlm.VlmRequestException or EvaluationException or ArgumentException or IOException or UnauthorizedAccessException
                                   or InvalidOperationException or MediaException or OnnxRuntimeException)
        {
            Print(e.Message);
            return BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Print($"internal error ({e.GetType().Name}): {e.Message}");
            if (Environment.GetEnvironmentVariable("REASONTRACK_DEBUG") == "1") Console.Error.WriteLine(e);
            else Console.Error.WriteLine("(set REASONTRACK_DEBUG=1 to see where it happened)");
            return InternalError;
        }
    }

    private static void Print(string message)
    {
        var lines = message.Split('\n');
        Console.Error.WriteLine("error: " + lines[0].TrimEnd());
        foreach (var l in lines.Skip(1)) Console.Error.WriteLine(l.TrimEnd());
    }

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Esc(string s) => Markup.Escape(s);
}
