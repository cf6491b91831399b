namespace Engage.Codegen.Tests;

public class SnapshotTests
{
    [Fact]
    public void DocsInput()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles());
        Snapshot.Verify(nameof(SnapshotTests), nameof(DocsInput), result.Sources.Select(s => (s.HintName, s.Text)));
    }
}

public class LaterSnapshotTests
{
    [Fact]
    public void LaterStyle()
    {
        var directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "later");
        var docs = Directory.GetFiles(directory, "*.md").Select(f => new InMemoryDoc("/later/" + Path.GetFileName(f), File.ReadAllText(f)));
        var result = GeneratorHarness.Run(docs, ns: "Engage.Later");
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Snapshot.Verify(nameof(LaterSnapshotTests), nameof(LaterStyle), result.Sources.Select(s => (s.HintName, s.Text)));
    }
}
