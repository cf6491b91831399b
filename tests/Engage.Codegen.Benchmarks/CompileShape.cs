using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// What a compile has to work through, counted from Roslyn's own symbols and syntax: the build-cost
/// table's "why". Printed by <c>--stages</c> for the generated client and for Refit's side.
/// </summary>
internal static class CompileShape
{
    public static string Describe(IEnumerable<SyntaxTree> trees) => Describe(trees.Select(t => t.GetText().ToString()));

    public static string Describe(IEnumerable<string> sources)
    {
        // One language version for all (generated trees come with their driver's own).
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var list = sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)).ToList();
        var compilation = CSharpCompilation.Create("Shape", list);
        int types = 0, methods = 0, properties = 0, fields = 0;
        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol ns:
                        Walk(ns);
                        break;
                    case INamedTypeSymbol type:
                        types++;
                        Walk(type);
                        break;
                    case IMethodSymbol:
                        methods++; // accessors and implicit constructors included: each is compiled
                        break;
                    case IPropertySymbol:
                        properties++;
                        break;
                    case IFieldSymbol:
                        fields++;
                        break;
                }
            }
        }

        Walk(compilation.Assembly.GlobalNamespace);
        var nodes = list.SelectMany(t => t.GetRoot().DescendantNodes()).ToList();
        var statements = nodes.Count(n => n is StatementSyntax and not BlockSyntax);
        var invocations = nodes.Count(n => n is InvocationExpressionSyntax);
        var tokens = list.Sum(t => t.GetRoot().DescendantTokens().Count());
        return $"{list.Count} files, {list.Sum(t => t.Length) / 1024} KB; {types} types, {methods} methods, {properties} properties, {fields} fields, {statements} statements, {invocations} calls, {tokens} tokens";
    }
}
