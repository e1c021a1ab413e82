using System.Text;
using ReasonTrack.Cli.Commands;
using Spectre.Console;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 15 item 1: into a pipe the evaluation table is written without Spectre.Console. It must be what Spectre writes
/// there (a console without ANSI, <see cref="CliConsole.Width"/> columns, as the CLI sets it up), character for
/// character: compared with Spectre itself on random tables; and where the simple layout does not hold, the plain
/// renderer declines (Spectre then writes the table).
/// </summary>
public class TerminalTableTests
{
    private static string Spectre(TerminalTable.Content c, int width)
    {
        var w = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(w),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(TerminalTable.ToSpectre(c));
        return w.ToString();
    }

    private static string Text(Random rng, int min, int max)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-+.,:;/()[]{}<>=@#%&*'\"!?|~^$`\\";
        var sb = new StringBuilder();
        int n = rng.Next(min, max + 1);
        for (int i = 0; i < n; i++) sb.Append(chars[rng.Next(chars.Length)]);
        return sb.ToString().Trim() is { Length: > 0 } t ? t : "x";
    }

    [Fact]
    public void Random_tables_are_written_as_Spectre_writes_them()
    {
        var rng = new Random(1515);
        int plain = 0, declined = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int cols = rng.Next(1, 8);
            var headers = Enumerable.Range(0, cols).Select(_ => Text(rng, 1, 24)).ToArray();
            var right = Enumerable.Range(0, cols).Select(_ => rng.Next(2) == 0).ToArray();
            var rows = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => Enumerable.Range(0, cols).Select(_ => Text(rng, 1, rng.Next(2) == 0 ? 6 : 40)).ToArray()).ToList();
            var c = new TerminalTable.Content(Text(rng, 1, rng.Next(3) == 0 ? 150 : 50), headers, right, rows);
            int width = rng.Next(4) == 0 ? rng.Next(30, 120) : CliConsole.Width;
            string? mine = TerminalTable.RenderPlain(c, width);
            if (mine is null) { declined++; continue; }
            mine.ShouldBe(Spectre(c, width), $"trial {trial}");
            plain++;
        }
        plain.ShouldBeGreaterThan(200);
        declined.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void The_evaluation_table_is_written_as_Spectre_writes_it()
    {
        // The shape of every evaluation table: rank, tracker, three protocol-named figures, sequences used.
        var c = new TerminalTable.Content("LaSOT: ranked by success AUC (lasot-matlab)",
            ["#", "Tracker", "AUC (lasot-matlab)", "P@20 (lasot-matlab)", "NP@0.20 (lasot-matlab)", "Sequences"],
            [false, false, true, true, true, true],
            [["1", "SiamRPN++", "49.6", "49.1", "56.9", "280/280"], ["2", "dcf", "-", "4.0", "100.0", "279/280"], ["10", "a", "0.0", "0.0", "0.0", "0/280"]]);
        string text = TerminalTable.RenderPlain(c, CliConsole.Width)!;
        text.ShouldBe(Spectre(c, CliConsole.Width));
        text.ShouldContain("│ 10 │ a         │");
    }

    [Theory]
    [InlineData("Tracker with ünïcode")]
    [InlineData("宽字符")]
    [InlineData("tab\there")]
    public void Text_Spectre_measures_differently_is_left_to_Spectre(string name)
    {
        var c = new TerminalTable.Content("T", ["#", "Tracker"], [false, false], [["1", name]]);
        TerminalTable.RenderPlain(c, CliConsole.Width).ShouldBeNull();
    }
}
