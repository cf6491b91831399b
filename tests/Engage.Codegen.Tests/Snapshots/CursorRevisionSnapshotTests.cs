namespace Engage.Codegen.Tests;

/// <summary>The client of Engage's docs as revised for opaque cursors (Fixtures/cursor-revision), file by file.</summary>
public class CursorRevisionSnapshotTests
{
    [Fact]
    public void CursorRevision()
    {
        var directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "cursor-revision");
        var docs = Directory.GetFiles(directory, "*.md").Select(f => new InMemoryDoc("/cursor-revision/" + Path.GetFileName(f), File.ReadAllText(f)));
        var result = GeneratorHarness.Run(docs, ns: "Engage.CursorRevision");
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        Snapshot.Verify(nameof(CursorRevisionSnapshotTests), nameof(CursorRevision), result.Sources.Select(s => (s.HintName, s.Text)));
    }
}
