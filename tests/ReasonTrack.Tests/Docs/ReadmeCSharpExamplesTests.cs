using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReasonTrack.Tests.Docs;

/// <summary>
/// Issue 12 item 6: every <c>```csharp</c> block of README.md compiles against the ReasonTrack library as it is (a
/// renamed or removed API breaks this test). Each block is its own console program (top-level statements, types after
/// them) with the implicit usings of an SDK console project, compiled by Roslyn against the test host's platform
/// assemblies and the ReasonTrack assembly; nothing is run.
/// </summary>
public sealed partial class ReadmeCSharpExamplesTests
{
    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(.*?)^```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    /// <summary>What an SDK project with ImplicitUsings enabled adds (Microsoft.NET.Sdk, console).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    internal static IReadOnlyList<string> Blocks(string markdown) =>
        CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The compiler's errors for one program (warnings are not failures: a snippet may leave a value unused).</summary>
    internal static IReadOnlyList<string> Errors(string program)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest), "Example.cs"),
        };
        var compilation = CSharpCompilation.Create("ReadmeExample", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var emitted = compilation.Emit(pe);
        return emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    /// <summary>The platform assemblies the test runs on, and the library (also listed there; added by location in case it is not).</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        paths.Add(typeof(ReasonTrack.Runs.BenchmarkRun).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);
        return paths.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });

    [Fact]
    public void The_readme_has_its_three_From_CSharp_examples_and_each_compiles_against_the_library()
    {
        string readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md"));
        var blocks = Blocks(readme);
        blocks.Count.ShouldBeGreaterThanOrEqualTo(3, "the README's From C# section has three csharp examples");
        blocks.ShouldContain(b => b.Contains("Evaluator.Evaluate", StringComparison.Ordinal));
        blocks.ShouldContain(b => b.Contains("BenchmarkRun.", StringComparison.Ordinal));
        blocks.ShouldContain(b => b.Contains(": ITrackerFactory", StringComparison.Ordinal));
        for (int i = 0; i < blocks.Count; i++)
        {
            var errors = Errors(blocks[i]);
            errors.ShouldBeEmpty($"README csharp block {i + 1} does not compile:\n{string.Join("\n", errors)}\n--- block ---\n{blocks[i]}");
        }
    }

    [Fact]
    public void A_snippet_calling_an_api_the_library_does_not_have_fails_to_compile()
    {
        // The check must be able to fail: a real call compiles, the same call to a missing member does not.
        Errors("using ReasonTrack.Runs;\nConsole.WriteLine(BenchmarkRun.DefaultResultName(\"dcf\", null));").ShouldBeEmpty();
        var errors = Errors("using ReasonTrack.Runs;\nConsole.WriteLine(BenchmarkRun.NoSuchMethod(\"dcf\"));");
        errors.ShouldContain(e => e.Contains("CS0117", StringComparison.Ordinal) && e.Contains("NoSuchMethod", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_are_found_only_under_the_csharp_fence()
    {
        var blocks = Blocks("text\n```csharp\nvar a = 1;\n```\n```bash\nls\n```\n```csharp\nvar b = 2;\n```\n");
        blocks.ShouldBe(["var a = 1;\n", "var b = 2;\n"]);
    }
}
