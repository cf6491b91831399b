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
