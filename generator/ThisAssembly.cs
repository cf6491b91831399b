namespace Engage.Codegen;

internal static class ThisAssembly
{
    /// <summary>Written into [GeneratedCode]; keep in step with Version in Directory.Build.props.</summary>
    public const string Version = "0.1.0";
}
