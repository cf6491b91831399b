using System.Reflection;
using Engage.Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// One fixture docs set in a dialect real API sites use (Fixtures/dialects/NAME, our own words about
/// an invented API): generated once, compiled, and read back through reflection and diagnostics.
/// </summary>
public sealed class DialectFixture
{
    private readonly Lazy<GenerationResult> _result;
    private readonly Lazy<Assembly> _assembly;

    public DialectFixture(string name, string ns)
    {
        Directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "dialects", name);
        Namespace = ns;
        _result = new(() => GeneratorHarness.Run(
            System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".mdx", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).Select(f => new InMemoryDoc(f, File.ReadAllText(f))), ns: ns));
        _assembly = new(() => _result.Value.LoadAssembly());
    }

    public string Directory { get; }

    public string Namespace { get; }

    public GenerationResult Result => _result.Value;

    public Assembly Assembly => _assembly.Value;

    /// <summary>The generated client compiles without warnings, and no docs problem is an error.</summary>
    public void AssertCompilesAndNoDocsProblemIsAnError()
    {
        Assert.Empty(Result.CompileProblems);
        Assert.DoesNotContain(Result.GeneratorDiagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Error);
    }

    /// <summary>Every generated operation as "Client.Method METHOD /path".</summary>
    public IReadOnlyList<string> Operations =>
        DocsInputTests.OperationsOf(Assembly)
            .Where(o => !o.Method.DeclaringType!.Name.Contains("Public", StringComparison.Ordinal))
            .Select(o => $"{o.Method.DeclaringType!.Name}.{o.Method.Name} {o.Operation.Method} {o.Operation.Path}")
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    public ApiOperationAttribute Operation(string client, string method) =>
        Type(client).Operation(method).GetCustomAttribute<ApiOperationAttribute>()!;

    public Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

    public Type MemberType(string type, string property) => Type(type).GetProperty(property)!.PropertyType;

    /// <summary>The text of the line a diagnostic points at.</summary>
    public static string LineOf(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return File.ReadAllLines(span.Path)[span.StartLinePosition.Line];
    }

    /// <summary>
    /// Calls <c>client.Resource.Method(arguments..., CancellationToken.None)</c> through reflection. An
    /// exception thrown as the call starts (a missing credential, before anything is sent) comes back as
    /// the faulted task awaiting the call would show.
    /// </summary>
    public static Task Invoke(object client, string resource, string method, params object?[] arguments)
    {
        var owner = client.GetType().GetProperty(resource)!.GetValue(client)!;
        var operation = owner.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().Length == arguments.Length + 1);
        try
        {
            return (Task)operation.Invoke(owner, arguments.Append(CancellationToken.None).ToArray())!;
        }
        catch (TargetInvocationException e)
        {
            return Task.FromException(e.InnerException!);
        }
    }

    /// <summary>The return type a caller awaits: Task&lt;T&gt; gives T.</summary>
    public Type ResponseOf(string client, string method)
    {
        var returnType = Type(client).Operation(method).ReturnType;
        return returnType.IsGenericType ? returnType.GetGenericArguments()[0] : returnType;
    }
}
