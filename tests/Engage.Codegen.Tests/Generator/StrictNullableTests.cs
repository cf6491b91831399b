using Engage.Codegen.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Tests;

/// <summary>
/// Generated files turn nullable warnings off for the user's build; the harness turns them back on
/// before it reports compile problems. These prove that re-enabling is not a no-op.
/// </summary>
public sealed class StrictNullableTests
{
    private const string Mistake = "namespace N { public static class C { public static string Name(string? value) => value; } }";

    [Fact]
    public void A_nullable_mistake_in_a_generated_file_is_silent_in_the_users_build_and_an_error_in_the_tests()
    {
        var header = Emitter.NullableAnnotations + "\n" + Emitter.NullableWarningsOff + "\n";
        var compilation = GeneratorHarness.CreateCompilation("namespace User { }")
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(header + Mistake, new CSharpParseOptions(LanguageVersion.CSharp12), "Engage.Codegen/Mistake.g.cs"));

        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
        var strict = GeneratorHarness.StrictNullable(compilation).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var problem = Assert.Single(strict);
        Assert.Equal("CS8603", problem.Id); // possible null reference return
        Assert.Equal(2, problem.Location.GetLineSpan().StartLinePosition.Line); // the same line as in the file the user compiles
    }

    [Fact]
    public void Every_generated_file_carries_the_annotations_and_no_other_nullable_state()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles());
        Assert.All(result.Sources, s =>
        {
            var directives = s.Text.Split('\n').Where(l => l.StartsWith("#nullable", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { Emitter.NullableAnnotations, Emitter.NullableWarningsOff }, directives);
        });
        Assert.Empty(result.CompileProblems);
    }
}
