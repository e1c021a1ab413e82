using ReasonTrack.Cli.Commands;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// The command line as a whole (issue 10): one vocabulary across commands, typed options, exit codes 0/2/70, one
/// user-facing exception base caught once, examples in every help, 'reasontrack help' and a bare 'reasontrack'.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Help(params string[] command)
    {
        var o = CliRunner.Run([.. command, "--help"]);
        o.ExitCode.ShouldBe(0, o.Stderr);
        return o.Stdout;
    }

    private static string OptionLine(string help, string option) =>
        help.Split('\n').Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^\s+(-\S+, )*{System.Text.RegularExpressions.Regex.Escape(option)}(?=[ ,])")).Trim();

    // --- one vocabulary -------------------------------------------------------------------------------------------

    [Fact]
    public void Coords_has_one_spelling_in_track_run_and_score()
    {
        string track = OptionLine(Help("track"), "--coords"), run = OptionLine(Help("run"), "--coords"), score = OptionLine(Help("score"), "--coords");
        foreach (var line in new[] { track, run, score })
            line.ShouldStartWith("--coords <qwen2.5|normalized1000|as-sent>");
        // Older spellings of both commands still parse (scripts), in either command: the refusal is about the reward, not the value.
        foreach (var old in new[] { "qwen25", "absolute", "as-sent", "qwen2.5" })
            CliRunner.Run("score", "--reward", "r1track", "--input", "x.jsonl", "--coords", old).ShouldFailCleanly().Stderr.ShouldContain("reasoningtrack-judge only");
        CliRunner.Run("track", "--example", "--coords", "pixels").ShouldFailCleanly().Stderr.ShouldContain("--coords must be one of qwen2.5, normalized1000, as-sent, not 'pixels'");
    }

    [Fact]
    public void Enum_options_list_their_names_in_help_and_parse_them_typed()
    {
        OptionLine(Help("track"), "--format").ShouldStartWith("--format <plain|pytracking|matlab|got10k|vptracker>");
        OptionLine(Help("track"), "--format").ShouldEndWith("[default: plain]");
        OptionLine(Help("run"), "--schedule").ShouldEndWith("[default: sync]");
        OptionLine(Help("eval"), "--empty-result").ShouldStartWith("--empty-result <toolkit|skip|error>");
        OptionLine(Help("score"), "--reward").ShouldStartWith("--reward <r1track|r1track-think|reasoningtrack-format|reasoningtrack-strict|reasoningtrack-judge>");
        OptionLine(Help("make-data", "r1track"), "--image-format").ShouldStartWith("--image-format <jpg|png>");
        // A bad value is a parse error: refused before any work, exit 2, the valid names listed.
        var o = CliRunner.Run("eval", "--example", "-a", Path.Combine(_dir, "bench"), "--empty-result", "ignore").ShouldFailCleanly();
        o.Stderr.ShouldContain("--empty-result must be one of toolkit, skip, error, not 'ignore'");
        o.Stdout.ShouldNotContain("example: generated");
    }

    [Fact]
    public void Tracker_settings_are_kebab_case_for_every_tracker_and_underscores_still_parse()
    {
        var list = CliRunner.Run("trackers");
        list.ExitCode.ShouldBe(0);
        var settings = list.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith("--set ", StringComparison.Ordinal))
            .Select(l => l.Trim()[6..].Split('=')[0]).ToList();
        settings.ShouldContain("learning-rate");
        settings.ShouldContain("found-threshold");
        settings.Where(s => s.Contains('_')).ShouldBeEmpty();
        CliRunner.Run("track", "--example", "--set", "learning_rate=0.03", "--set", "scales=0", "--out", _dir).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_short_alias_and_an_option_name_mean_one_thing_in_every_command()
    {
        // -r is eval's --results; score's reward has no short alias.
        OptionLine(Help("eval"), "--results").ShouldStartWith("-r, --results");
        Help("score").ShouldNotContain("-r, ");
        CliRunner.Run("score", "-r", "r1track", "--input", "x.jsonl").ShouldFailCleanly().Stderr.ShouldContain("'-r'");
        // The same server options in every command that calls a model; make-data's teacher uses them.
        foreach (var command in new[] { new[] { "track" }, ["run"], ["score"], ["make-data", "reasoningtrack"] })
        {
            string help = Help(command);
            foreach (var option in new[] { "--vlm-url", "--model", "--api-key-env" }) OptionLine(help, option).ShouldNotBeEmpty();
            help.ShouldNotContain("--teacher-");
        }
        // -j/--jobs: one default (one per core) everywhere.
        string expected = $"[default: {Environment.ProcessorCount}]";
        foreach (var command in new[] { new[] { "eval" }, ["run"], ["make-data", "r1track"], ["make-data", "vptracker"], ["make-data", "reasoningtrack"] })
        {
            string line = OptionLine(Help(command), "--jobs");
            line.ShouldStartWith("-j, --jobs");
            line.ShouldContain("in parallel (default: one per core");
            line.ShouldEndWith(expected);
        }
    }

    // --- exit codes and messages ----------------------------------------------------------------------------------

    [Fact]
    public void Parse_errors_exit_2_with_one_error_line_and_the_help_hint()
    {
        foreach (var args in new[] { new[] { "eval", "--bogus" }, ["run", "--dataset", "otb"], ["eval", "--jobs", "many"], ["frobnicate"] })
        {
            var o = CliRunner.Run(args).ShouldFailCleanly();
            var lines = o.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(2, o.Stderr);
            lines[1].ShouldStartWith("(see 'reasontrack");
            o.Stdout.ShouldBeEmpty();
        }
        CliRunner.Run("run", "--dataset", "otb").Stderr.ShouldContain("--root");
    }

    [Fact]
    public void Messages_carry_no_raw_dotnet_text()
    {
        string annos = Path.Combine(_dir, "annos");
        Directory.CreateDirectory(annos);
        var jobs = CliRunner.Run("eval", "--example", "-a", Path.Combine(_dir, "bench"), "-j", "0").ShouldFailCleanly();
        jobs.Stderr.ShouldContain("--jobs must be at least 1");
        jobs.Stderr.ShouldNotContain("MaxDegreeOfParallelism");
        var dataset = CliRunner.Run("eval", "-d", "lasott", "-a", annos, "-r", annos).ShouldFailCleanly();
        dataset.Stderr.ShouldContain("unknown dataset 'lasott'");
        dataset.Stderr.ShouldNotContain("(Parameter");
        string list = Path.Combine(_dir, "no-such-list.txt");
        var missing = CliRunner.Run("run", "-d", "otb", "-a", annos, "-o", Path.Combine(_dir, "out"), "-s", list).ShouldFailCleanly();
        missing.Stderr.ShouldContain(list);
        missing.Stderr.ShouldNotContain("Could not find");
    }

    [Fact]
    public void Refusals_are_ReasonTrackExceptions_caught_once_and_programming_errors_are_internal()
    {
        // A refusal exits 2, also when a parallel loop wrapped it in an AggregateException.
        CliErrors.Run(() => throw new DataFormatException("a.txt", "line 3: not a number")).ShouldBe(2);
        CliErrors.Run(() => throw new AggregateException(new DataFormatException("a.txt", "line 3: not a number"))).ShouldBe(2);
        CliErrors.Run(() => throw new AggregateException(new InvalidSettingException("jobs", "jobs must be at least 1"))).ShouldBe(2);
        // Programming errors are internal errors (70), not bad input.
        CliErrors.Run(() => throw new ArgumentException("bad argument", "key")).ShouldBe(70);
        CliErrors.Run(() => throw new InvalidOperationException("state")).ShouldBe(70);
        CliErrors.Run(() => throw new AggregateException(new NullReferenceException())).ShouldBe(70);
        // A user's path that is not there names the path.
        CliErrors.Run(() => File.ReadAllText(Path.Combine(_dir, "gone.txt")).Length).ShouldBe(2);
    }

    // --- help -----------------------------------------------------------------------------------------------------

    public static TheoryData<string> Commands => new() { "eval", "protocols", "datasets", "track", "run", "trackers", "score", "make-data", "make-data r1track", "make-data vptracker", "make-data reasoningtrack", "make-data merge", "help" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_help_ends_with_two_or_three_real_examples(string command)
    {
        string help = Help(command.Split(' '));
        int at = help.LastIndexOf("Examples:", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, help);
        var examples = help[(at + "Examples:".Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        examples.Length.ShouldBeInRange(2, 3);
        foreach (var e in examples) e.ShouldStartWith("reasontrack ");
        // Real: every example parses (no unknown option or bad value) against the real command line.
        foreach (var e in examples)
        {
            var parse = CliApp.CreateRoot().Parse(SplitArgs(e).Skip(1).ToArray());
            parse.Errors.ShouldBeEmpty(e);
        }
    }

    [Fact]
    public void Help_command_and_a_bare_reasontrack_print_the_commands_and_exit_0()
    {
        var bare = CliRunner.Run();
        bare.ExitCode.ShouldBe(0, bare.Stderr);
        bare.Stderr.ShouldBeEmpty();
        foreach (var c in new[] { "eval", "track", "run", "score", "make-data", "trackers" }) bare.Stdout.ShouldContain("  " + c + " ");
        var help = CliRunner.Run("help");
        help.ExitCode.ShouldBe(0, help.Stderr);
        help.Stdout.ShouldContain("make-data");
        var helpEval = CliRunner.Run("help", "eval");
        helpEval.ExitCode.ShouldBe(0, helpEval.Stderr);
        helpEval.Stdout.ShouldBe(CliRunner.Run("eval", "--help").Stdout);
        CliRunner.Run("help", "make-data", "r1track").Stdout.ShouldContain("--size");
        CliRunner.Run("help", "frobnicate").ShouldFailCleanly().Stderr.ShouldContain("'frobnicate'");
    }

    [Fact]
    public void Help_mentions_only_options_the_command_has()
    {
        string run = Help("run");
        run.ShouldNotContain("--init");
        Help("track").ShouldContain("--init");
        foreach (var command in new[] { "eval", "track", "run", "score", "make-data r1track", "make-data vptracker", "make-data reasoningtrack", "make-data merge" })
        {
            string help = Help(command.Split(' '));
            // The option names of the first column (with aliases): "  -a, --annotations, --root <annotations>  ...".
            var own = help.Split('\n').Where(l => l.StartsWith("  -", StringComparison.Ordinal))
                .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l.Trim().Split("  ")[0], @"--[a-z0-9-]+").Select(m => m.Value)).ToHashSet();
            string options = help[help.IndexOf("Options:", StringComparison.Ordinal)..help.LastIndexOf("Examples:", StringComparison.Ordinal)];
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(options, @"(?<![\w-])--[a-z][a-z0-9-]+"))
                own.ShouldContain(m.Value, $"{command} --help mentions {m.Value}");
        }
    }

    private static IEnumerable<string> SplitArgs(string line)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ' ' && !quoted) { if (current.Length > 0) parts.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }
}
