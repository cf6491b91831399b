using System.Text;
using Engage.Codegen.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// The sources of <see cref="BuildCostPartsBenchmarks"/>: the generated client for the 1,000-operation
/// synthetic set whole, and with one part taken out at a time (counterfactuals made by editing the
/// generated text, each checked to change something and still compile), beside the parts of Refit's
/// side. The differences between rows are what each part costs the compile.
/// </summary>
internal static class BuildCostParts
{
    public const string Whole = "Engage.Codegen: the whole client";
    public const string NoDocComments = "Engage.Codegen without doc comments";
    public const string NoShortOverloads = "Engage.Codegen without the short overloads";
    public const string NoConverterMembers = "Engage.Codegen without the converters' member lines";
    public const string NoPagedBodies = "Engage.Codegen without the paged methods' bodies";
    public const string NoOperationBodies = "Engage.Codegen without any operation's body";
    public const string RefitSourceOnly = "Refit side: interfaces and models alone";
    public const string RefitGenerated = "Refit side: with Refit's generated code";
    public const string RefitJsonGenerated = "Refit side: with Refit's and System.Text.Json's generated code";

    public static readonly string[] Names =
    {
        Whole, NoDocComments, NoShortOverloads, NoConverterMembers, NoPagedBodies, NoOperationBodies,
        RefitSourceOnly, RefitGenerated, RefitJsonGenerated,
    };

    /// <summary>The source texts compiled for one row.</summary>
    public static List<string> Sources(string name)
    {
        switch (name)
        {
            case RefitSourceOnly:
                return new List<string> { SyntheticDocs.RefitSource(100) };
            case RefitGenerated:
                return RefitSide(withJson: false);
            case RefitJsonGenerated:
                return RefitSide(withJson: true);
        }

        var whole = Generated();
        Func<string, string>? edit = name switch
        {
            Whole => null,
            NoDocComments => WithoutDocComments,
            NoShortOverloads => WithoutShortOverloads,
            NoConverterMembers => WithoutConverterMembers,
            NoPagedBodies => text => WithoutBodies(text, line => line.Contains("AsyncPageable<", StringComparison.Ordinal)),
            NoOperationBodies => text => WithoutBodies(text, _ => true),
            _ => throw new ArgumentException("Unknown part: " + name, nameof(name)),
        };
        if (edit is null)
        {
            return whole;
        }

        var edited = whole.Select(edit).ToList();
        if (edited.SequenceEqual(whole))
        {
            throw new InvalidOperationException($"'{name}' changed nothing: the generated text no longer has the shape this edit expects.");
        }

        return edited;
    }

    private static List<string> Generated()
    {
        var docs = SyntheticDocs.Pages(100).Select(p => new InMemoryDoc(p.Path, p.Text)).ToList();
        var options = SyntheticDocs.DriverOptions(docs);
        var driver = CSharpGeneratorDriver.Create(new[] { new ApiClientGenerator().AsSourceGenerator() }, docs.Cast<AdditionalText>(), new CSharpParseOptions(LanguageVersion.CSharp12), options);
        var user = CSharpCompilation.Create("UserApp", new[] { CSharpSyntaxTree.ParseText("namespace User { internal static class Code { public const int X = 1; } }") });
        return driver.RunGenerators(user).GetRunResult().GeneratedTrees.Select(t => t.GetText().ToString()).ToList();
    }

    private static List<string> RefitSide(bool withJson)
    {
        var sources = new List<string> { SyntheticDocs.RefitSource(100) };
        var generators = new List<ISourceGenerator> { BuildCostBenchmarks.LoadGenerator("refit-generator", "InterfaceStubGeneratorV2.dll") };
        if (withJson)
        {
            sources.Add(SyntheticDocs.RefitJsonContextSource(100));
            generators.Add(BuildCostBenchmarks.LoadGenerator("stj-generator", "System.Text.Json.SourceGeneration.dll"));
        }

        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create("UserApp", sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)), BuildCostBenchmarks.References());
        var generated = CSharpGeneratorDriver.Create(generators, parseOptions: parse).RunGenerators(compilation).GetRunResult().GeneratedTrees;
        return sources.Concat(generated.Select(t => t.GetText().ToString())).ToList();
    }

    private static string WithoutDocComments(string text) =>
        string.Join("\n", text.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));

    // The short overload: its inheritdoc line, its signature and its one-line body passing null options.
    private static string WithoutShortOverloads(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("/// <inheritdoc cref=", StringComparison.Ordinal)
                && i + 2 < lines.Length
                && lines[i + 2].TrimStart().StartsWith("=>", StringComparison.Ordinal)
                && lines[i + 2].Contains("null, cancellationToken)", StringComparison.Ordinal))
            {
                i += 2;
                if (i + 1 < lines.Length && lines[i + 1].Trim().Length == 0)
                {
                    i++;
                }

                continue;
            }

            kept.Add(lines[i]);
        }

        return string.Join("\n", kept);
    }

    // A converter's member lines: each property's read branch and its write; the scaffold stays.
    private static string WithoutConverterMembers(string text) =>
        string.Join("\n", text.Split('\n').Where(line =>
        {
            var code = line.TrimStart();
            return !(code.StartsWith("if (reader.ValueTextEquals(", StringComparison.Ordinal)
                || code.StartsWith("else if (reader.ValueTextEquals(", StringComparison.Ordinal)
                || code.StartsWith("else ApiJson.SkipProperty(", StringComparison.Ordinal)
                || code.StartsWith("ApiJson.Write(", StringComparison.Ordinal)
                || (code.StartsWith("if (value.", StringComparison.Ordinal) && code.Contains("ApiJson.Write(", StringComparison.Ordinal)));
        }));

    // The body of each operation method the filter picks, replaced by a throw: the declarations stay.
    private static string WithoutBodies(string text, Func<string, bool> pick)
    {
        var lines = text.Split('\n');
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            kept.Append(lines[i]).Append('\n');
            if (lines[i].StartsWith("        public virtual ", StringComparison.Ordinal) && pick(lines[i]) && i + 1 < lines.Length && lines[i + 1] == "        {")
            {
                var end = Array.IndexOf(lines, "        }", i + 1);
                kept.Append("        {\n            throw null!;\n        }\n");
                i = end;
            }
        }

        return kept.ToString(0, kept.Length - 1);
    }
}
