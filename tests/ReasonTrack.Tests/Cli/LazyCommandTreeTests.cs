using ReasonTrack.Cli.Commands;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 15 item 1: <c>reasontrack &lt;command&gt; ...</c> builds that command only (start-up time). Its help, its parse
/// errors and what it parses must be what the whole command tree gives.
/// </summary>
public class LazyCommandTreeTests
{
    public static TheoryData<string> CommandNames => new() { "eval", "protocols", "datasets", "track", "run", "trackers", "report", "score", "make-data" };

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void A_command_alone_prints_the_same_help_as_in_the_whole_tree(string name)
    {
        var alone = CliRunner.Run(name, "--help");           // the command alone
        var whole = CliRunner.Run("help", name);             // 'help' builds every command
        alone.ExitCode.ShouldBe(0, alone.Stderr);
        whole.ExitCode.ShouldBe(0, whole.Stderr);
        alone.Stdout.ShouldBe(whole.Stdout);
        alone.Stdout.ShouldContain($"reasontrack {name}");
    }

    [Theory]
    [InlineData("eval", "--bogus")]
    [InlineData("eval", "-d", "lasot", "--jobs", "two")]
    [InlineData("eval", "--empty-result", "sometimes")]
    [InlineData("track", "--input")]
    [InlineData("run", "--jobs", "x")]
    [InlineData("score", "--reward", "nope")]
    [InlineData("make-data", "r1track", "--unknown")]
    [InlineData("protocols", "extra")]
    public void A_command_alone_rejects_what_the_whole_tree_rejects_with_the_same_message(params string[] args)
    {
        var alone = CliApp.CreateRoot(args).Parse(args);
        var whole = CliApp.CreateRoot().Parse(args);
        alone.Errors.Count.ShouldBeGreaterThan(0);
        alone.Errors.Select(e => e.Message).ShouldBe(whole.Errors.Select(e => e.Message));
        alone.CommandResult.Command.Name.ShouldBe(whole.CommandResult.Command.Name);
    }

    [Fact]
    public void Only_a_leading_command_name_narrows_the_tree()
    {
        CliApp.CreateRoot(["eval", "-d", "lasot"]).Subcommands.Select(c => c.Name).ShouldBe(["eval"]);
        foreach (var args in new[] { Array.Empty<string>(), ["help", "eval"], ["--version"], ["evaluate"], ["-d", "eval"] })
            CliApp.CreateRoot(args).Subcommands.Count.ShouldBe(10, string.Join(' ', args)); // nine commands and 'help'
    }
}
