using System.Reflection;

namespace Engage.Codegen;

internal static class ThisAssembly
{
    /// <summary>
    /// The package version (from git tags through MinVer), written into [GeneratedCode]: the same
    /// version the runtime sends in its User-Agent. Build metadata after '+' is left out.
    /// </summary>
    public static readonly string Version = Read();

    private static string Read()
    {
        var version = typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
