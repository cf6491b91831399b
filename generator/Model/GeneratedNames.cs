namespace Engage.Codegen.Model;

/// <summary>
/// The names generated code declares itself, which a name taken from the docs must never take: inference reserves
/// them (an operation's parameters are named around its locals; an enum's members around its own members) and
/// the emitter writes them, both from here. A test finds none of them written as text in Emit.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The suffix of every operation method (<c>GetAsync</c>).</summary>
    public const string AsyncSuffix = "Async";

    /// <summary>What a page request's span adds to its operation's name (<c>Users.List page</c>).</summary>
    public const string PageSuffix = " page";

    /// <summary>An operation's request parameter.</summary>
    public const string Request = "request";

    /// <summary>An operation's per-call options parameter.</summary>
    public const string RequestOptions = "requestOptions";

    /// <summary>An operation's cancellation parameter.</summary>
    public const string CancellationToken = "cancellationToken";

    /// <summary>The local that holds an operation's path with its parameters checked.</summary>
    public const string RequestPath = "requestPath";

    /// <summary>The local that holds an operation's query string.</summary>
    public const string Query = "query";

    /// <summary>Every parameter and local of an operation method: no path parameter may take one.</summary>
    public static readonly string[] OperationLocals = { Request, RequestOptions, CancellationToken, RequestPath, Query };

    /// <summary>An extensible enum's text.</summary>
    public const string EnumValue = "Value";

    /// <summary>Whether an extensible enum's value is one the docs list.</summary>
    public const string EnumIsKnown = "IsKnown";
}
