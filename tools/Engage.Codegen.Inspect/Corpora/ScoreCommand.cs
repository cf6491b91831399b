using System.Text;

namespace Engage.Codegen.Inspect.Corpora;

/// <summary>
/// <c>score [--corpora DIR] [--details] [id...]</c>: runs the generator's parse and inference over each
/// corpus's local copy and prints one row per corpus against its expected facts; <c>--details</c> lists
/// every miss. Not part of CI (the corpora are public repositories, not in this one).
/// </summary>
public static class ScoreCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var repository = FindRepository();
        var corpora = Environment.GetEnvironmentVariable("ENGAGE_CORPORA") ?? Path.Combine(repository, "..", "corpora");
        var details = false;
        var only = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--corpora" when i + 1 < args.Count: corpora = args[++i]; break;
                case "--details": details = true; break;
                default: only.Add(args[i]); break;
            }
        }

        var manifest = Manifest.Read(Path.Combine(repository, "tools", "corpora", "manifest.tsv"));
        var scores = new List<CorpusScore>();
        foreach (var corpus in manifest.GroupBy(e => e.Id).Where(g => only.Count == 0 || only.Contains(g.Key)))
        {
            var root = Path.Combine(corpora, corpus.Key);
            var pages = Manifest.Pages(corpus, root);
            if (pages.Count == 0)
            {
                output.WriteLine($"{corpus.Key}: no pages under {root} (see tools/corpora/README.md, \"Local copies\")");
                continue;
            }

            var expected = ExpectedFacts.Parse(File.ReadAllLines(Path.Combine(repository, "tools", "corpora", "expected", corpus.Key + ".txt")));
            var report = DocsReport.Create(pages.Select(p => (Path.GetFullPath(p), File.ReadAllText(p))));
            scores.Add(CorpusScore.Score(corpus.Key, pages.Count, report, expected, ClientBuild.Problems(report.Api)));
        }

        // docs-input, the pages this repository ships, scored from the working tree beside the corpora.
        var ownExpected = Path.Combine(repository, "tools", "corpora", "expected", "docs-input.txt");
        if (File.Exists(ownExpected) && (only.Count == 0 || only.Contains("docs-input")))
        {
            var pages = Directory.GetFiles(Path.Combine(repository, "docs-input"), "*.md").Order(StringComparer.Ordinal).ToList();
            var report = DocsReport.Create(pages.Select(p => (Path.GetFullPath(p), File.ReadAllText(p))));
            scores.Add(CorpusScore.Score("docs-input", pages.Count, report, ExpectedFacts.Parse(File.ReadAllLines(ownExpected)), ClientBuild.Problems(report.Api)));
        }

        output.Write(Table(scores));
        if (details)
        {
            output.Write(Details(scores));
        }

        return 0;
    }

    /// <summary>The corpus table: one row per corpus, then the totals.</summary>
    public static string Table(IReadOnlyList<CorpusScore> scores)
    {
        var text = new StringBuilder();
        text.AppendLine("| corpus | pages | operations found | extra | duplicates | numbered names | auth | paged lists paged right | other operations paged | field types right | builds |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scores)
        {
            text.AppendLine($"| {s.Id} | {s.Pages} | {s.Found}/{s.Listed} ({CorpusScore.Percent(s.Found, s.Listed)}) | {s.Extra.Count} | {s.Duplicates.Count} | {s.Numbered.Count} | {s.Auth} | {s.PagedRight}/{s.PagedListed} | {s.WronglyPaged.Count} | {s.FieldsRight}/{s.FieldsListed} | {(s.BuildProblems.Count == 0 ? "yes" : s.BuildProblems.Count + " problems")} |");
        }

        int Sum(Func<CorpusScore, int> f) => scores.Sum(f);
        text.AppendLine($"| all | {Sum(s => s.Pages)} | {Sum(s => s.Found)}/{Sum(s => s.Listed)} ({CorpusScore.Percent(Sum(s => s.Found), Sum(s => s.Listed))}) | {Sum(s => s.Extra.Count)} | {Sum(s => s.Duplicates.Count)} | {Sum(s => s.Numbered.Count)} | {scores.Count(s => s.Auth == "right")}/{scores.Count(s => s.Auth != "-")} right | {Sum(s => s.PagedRight)}/{Sum(s => s.PagedListed)} | {Sum(s => s.WronglyPaged.Count)} | {Sum(s => s.FieldsRight)}/{Sum(s => s.FieldsListed)} | {scores.Count(s => s.BuildProblems.Count == 0)}/{scores.Count} |");
        return text.ToString();
    }

    private static string Details(IReadOnlyList<CorpusScore> scores)
    {
        var text = new StringBuilder();
        foreach (var s in scores)
        {
            text.AppendLine();
            text.AppendLine($"== {s.Id}: {s.Operations} operations generated, {s.Warnings} docs warnings, auth {s.Auth}");
            void List(string title, IReadOnlyList<string> items)
            {
                foreach (var item in items)
                {
                    text.AppendLine($"  {title,-14} {item}");
                }
            }

            List("missed", s.Missed);
            List("extra", s.Extra);
            List("duplicate", s.Duplicates);
            List("numbered", s.Numbered);
            List("paging", s.PagingWrong);
            List("paged, not", s.WronglyPaged);
            List("field", s.FieldsWrong);
            List("build", s.BuildProblems.Take(20).ToList());
        }

        return text.ToString();
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engage.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the score command inside the repository (Engage.Codegen.sln not found)");
    }
}
