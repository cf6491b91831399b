using System.Runtime.CompilerServices;
using System.Text;

namespace Engage.Codegen.Tests;

/// <summary>
/// Snapshot checks with Verify's file conventions: <c>Snapshots/{Class}.{Method}#{name}.verified.cs</c>
/// per generated file. On a mismatch the new text goes to <c>.received.cs</c> beside it and the test
/// fails with a readable line diff. Nothing is accepted automatically: review the received file,
/// then accept with <c>tests/accept-snapshots.sh</c> (or run the tests with
/// <c>ENGAGE_ACCEPT_SNAPSHOTS=1</c>, which writes verified files; review them with git diff).
/// </summary>
public static class Snapshot
{
    public static void Verify(string className, string methodName, IEnumerable<(string Name, string Text)> files, [CallerFilePath] string callerPath = "")
    {
        // Beside the test, in its folder's Snapshots/; the snapshot tests that live in Snapshots/ keep theirs there.
        var folder = Path.GetDirectoryName(callerPath)!;
        var directory = Path.GetFileName(folder) == "Snapshots" ? folder : Path.Combine(folder, "Snapshots");
        Directory.CreateDirectory(directory);
        var prefix = $"{className}.{methodName}#";
        var accept = Environment.GetEnvironmentVariable("ENGAGE_ACCEPT_SNAPSHOTS") == "1";
        var failures = new StringBuilder();
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var baseName = prefix + Path.GetFileNameWithoutExtension(name);
            expectedNames.Add(baseName + ".verified.cs");
            var verified = Path.Combine(directory, baseName + ".verified.cs");
            var received = Path.Combine(directory, baseName + ".received.cs");
            var actual = Normalize(text);
            var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (expected == actual)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, actual);
            failures.AppendLine(expected is null
                ? $"New snapshot {baseName}: review {received} and accept it."
                : $"Snapshot {baseName} changed (received: {received}):\n{Diff(expected, actual)}");
        }

        foreach (var stale in Directory.GetFiles(directory, prefix + "*.verified.cs").Select(Path.GetFileName).Where(f => !expectedNames.Contains(f!)))
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, stale!));
            }
            else
            {
                failures.AppendLine($"Snapshot {stale} is no longer generated: delete it if that is intended.");
            }
        }

        if (failures.Length > 0)
        {
            Assert.Fail(failures.ToString());
        }
    }

    // The generator's version changes with every commit (git tags through MinVer): snapshots hold it as {version}.
    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace("\r\n", "\n").TrimStart('\uFEFF'), @"GeneratedCode\(""Engage\.Codegen"", ""[^""]*""\)", "GeneratedCode(\"Engage.Codegen\", \"{version}\")");

    /// <summary>A unified-style line diff (LCS), with three lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != ' ')
            {
                for (var k = Math.Max(0, i - 3); k <= Math.Min(lines.Count - 1, i + 3); k++)
                {
                    shown[k] = true;
                }
            }
        }

        var changes = 0;
        for (var i = 0; i < lines.Count && changes < 200; i++)
        {
            if (!shown[i])
            {
                if (i > 0 && shown[i - 1])
                {
                    output.AppendLine("   ...");
                }

                continue;
            }

            changes++;
            output.AppendLine($"{lines[i].Kind} {lines[i].Line,4}: {lines[i].Text}");
        }

        return output.ToString();
    }
}
