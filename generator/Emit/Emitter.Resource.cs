using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;
using static Engage.Codegen.Model.GeneratedNames;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    private static GeneratedFile EmitResource(ApiSpec api, ResourceSpec resource, bool keyOnly)
    {
        var className = keyOnly ? resource.PublicClassName : resource.ClassName;
        var operations = keyOnly ? resource.Operations.Where(o => o.Auth is AuthKind.Key or AuthKind.None) : resource.Operations;
        var w = Begin(api.Namespace);
        w.Doc("summary", keyOnly
            ? $"The operations of the {resource.Title} page that work with the API key alone ({resource.FileName}); " +
                "the others are not here, so they cannot be called without the secret."
            : $"The operations of the {resource.Title} page of the {api.ApiName} API docs ({resource.FileName}).");
        w.Line(GeneratedCode);
        w.Open($"public partial class {className}");
        w.Line($"private readonly {Runtime}.ApiPipeline _pipeline;");
        w.Line();
        w.Open($"internal {className}({Runtime}.ApiPipeline pipeline)");
        w.Line("_pipeline = pipeline;");
        w.Close();
        w.Line();
        w.Doc("summary", "For mocking: an instance with no connection, whose virtual methods a test overrides.");
        w.Open($"protected {className}()");
        w.Line("_pipeline = null!;");
        w.Close();
        foreach (var operation in operations)
        {
            w.Line();
            EmitOperation(w, api, resource, operation, keyOnly ? $"global::{api.Namespace}.{resource.ClassName}.{operation.MethodName}" : null);
        }

        w.Close();
        w.Close();
        return new GeneratedFile($"{className}.g.cs", w.ToString());
    }

    /// <param name="w">The writer.</param>
    /// <param name="api">The API.</param>
    /// <param name="resource">The resource the operation belongs to.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="operationOnFullClient">For the public client's copy: the operation on the full client, which alone carries [ApiOperation], so
    /// listing operations through the attribute finds each once.</param>
    private static void EmitOperation(SourceWriter w, ApiSpec api, ResourceSpec resource, OperationSpec operation, string? operationOnFullClient)
    {
        // The name in logs and spans, e.g. "Users.Get"; each page request of a list is "Users.List page".
        var name = SourceWriter.Literal(operation.TelemetryName);
        var summary = operation.Heading.TrimEnd('.') + "." + (operation.Summary.Length > 0 ? " " + operation.Summary : string.Empty);
        w.Doc("summary", summary);
        var remarks = $"<c>{SourceWriter.Xml(operation.HttpMethod + " " + operation.PathTemplate)}</c>. {SourceWriter.Xml(AuthText(api, operation.Auth))}";
        if (operation.SecretRequiredFor.Count > 0)
        {
            var members = string.Join(", ", operation.SecretRequiredFor.Select(n => "`" + n + "`"));
            remarks += SourceWriter.Xml($" Setting {members} requires the secret; a key-only client refuses it before sending.");
        }

        remarks += $" Generated from {SourceWriter.Xml(operation.Source)} (\"{SourceWriter.Xml(operation.Heading)}\").";
        if (operationOnFullClient is not null)
        {
            remarks += $" The key-only entry to <see cref=\"{operationOnFullClient}({string.Join(", ", CrefTypes(api, operation))})\"/>.";
        }

        w.RawDoc("<remarks>" + remarks + "</remarks>");
        foreach (var parameter in operation.PathParameters)
        {
            w.Doc("param", $"The {parameter.Name} path parameter; sent as one escaped path segment.", ParamName(parameter.ParameterName.TrimStart('@')));
        }

        if (operation.RequestType is not null)
        {
            w.Doc("param", operation.Paging is not null ? "Where to start and how many items a page holds; null starts at the beginning."
                : "The request parameters.", ParamName(Request));
        }

        w.Doc("param", operation.Paging is not null
            ? "Timeout, retries and headers for every page request, or null for the client's settings."
            : "Timeout, retries and headers for this call, or null for the client's settings.", ParamName(RequestOptions));
        w.Doc("param", operation.Paging is not null
            ? "Cancels every page request, including waits between retries."
            : "Cancels the request, including waits between retries.", ParamName(CancellationToken));
        var response = TypeName(api, operation.ResponseType);
        if (operation.Paging is not null)
        {
            w.RawDoc($"<returns>Every item across pages with <c>await foreach</c>; pages with <c>AsPages()</c>.</returns>");
        }
        else if (operation.ResponseType.Kind == TypeKind.None)
        {
            w.Doc("returns", "Completes when the API answers with success; the docs say it sends no content back.");
        }
        else
        {
            w.Doc("returns", "What the API returned.");
        }

        w.RawDoc($"<exception cref=\"{Runtime}.ApiException\">The API answered with an error status or an unreadable body, or no response arrived; " +
            "transient failures were retried first where that is safe.</exception>");
        w.RawDoc("<exception cref=\"global::System.TimeoutException\">An attempt took longer than the timeout and could not be retried.</exception>");
        if (operation.SecretRequiredFor.Count > 0)
        {
            w.RawDoc(
                $"<exception cref=\"{Runtime}.ApiCredentialsException\">A member that needs the secret is set and the client holds only the key.</exception>");
        }

        if (operationOnFullClient is null)
        {
            var auth = operation.Auth switch
            {
                AuthKind.Key => "Key",
                AuthKind.Token => "Token",
                AuthKind.None => "None",
                AuthKind.Basic => "Basic",
                _ => "KeyAndSecret",
            };
            var secret = operation.SecretRequiredFor.Count > 0
                ? $", SecretRequiredFor = {SourceWriter.Literal(string.Join(",", operation.SecretRequiredFor))}"
                : string.Empty;
            w.Line($"[{Runtime}.ApiOperation({SourceWriter.Literal(operation.HttpMethod)}, {SourceWriter.Literal(operation.PathTemplate)}, " +
                $"Auth = {Runtime}.ApiAuth.{auth}, Paged = {(operation.Paging is not null ? "true" : "false")}, " +
                $"Source = {SourceWriter.Literal(operation.Source)}{secret})]");
        }

        // The full overload takes per-call options; a shorter one without them keeps
        // GetAsync(uid, cancellationToken) working, and calls the full (virtual) one.
        var parameters = new List<string>();
        var shortParameters = new List<string>();
        var arguments = new List<string>();
        var crefTypes = CrefTypes(api, operation);
        foreach (var parameter in operation.PathParameters)
        {
            parameters.Add("string " + parameter.ParameterName);
            shortParameters.Add("string " + parameter.ParameterName);
            arguments.Add(parameter.ParameterName);
        }

        if (operation.RequestType is not null)
        {
            var requestType = $"global::{api.Namespace}.{operation.RequestType}";
            parameters.Add(operation.RequestOptional ? $"{requestType}? {Request}" : $"{requestType} {Request}");
            shortParameters.Add(operation.RequestOptional ? $"{requestType}? {Request} = null" : $"{requestType} {Request}");
            arguments.Add(Request);
        }

        parameters.Add($"{Runtime}.ApiRequestOptions? {RequestOptions}");
        parameters.Add($"global::System.Threading.CancellationToken {CancellationToken} = default");
        shortParameters.Add($"global::System.Threading.CancellationToken {CancellationToken} = default");
        arguments.Add("null");
        arguments.Add(CancellationToken);
        var path = PathExpression(operation);
        var method = HttpMethodExpression(operation.HttpMethod);
        var returnType = operation.Paging is { } paged
            ? $"{Runtime}.AsyncPageable<{TypeName(api, paged.ItemType)}>"
            : operation.ResponseType.Kind == TypeKind.None ? "global::System.Threading.Tasks.Task" : $"global::System.Threading.Tasks.Task<{response}>";

        if (operation.Paging is { } paging)
        {
            EmitPagedOperation(w, api, operation, paging, parameters, method, path, name, SourceWriter.Literal(operation.PageTelemetryName));
        }
        else
        {
            EmitSingleOperation(w, api, operation, parameters, method, path, name, response);
        }

        w.Line();
        w.RawDoc($"<inheritdoc cref=\"{operation.MethodName}({string.Join(", ", crefTypes)})\"/>");
        w.Line($"public {returnType} {operation.MethodName}({string.Join(", ", shortParameters)})");
        w.Indent().Line($"=> {operation.MethodName}({string.Join(", ", arguments)});").Dedent();
    }

    /// <summary>The parameter types of an operation's full overload, as a cref names them.</summary>
    private static List<string> CrefTypes(ApiSpec api, OperationSpec operation)
    {
        var types = operation.PathParameters.Select(_ => "string").ToList();
        if (operation.RequestType is not null)
        {
            types.Add($"global::{api.Namespace}.{operation.RequestType}");
        }

        types.Add($"{Runtime}.ApiRequestOptions");
        types.Add("global::System.Threading.CancellationToken");
        return types;
    }

    private static void EmitSingleOperation(SourceWriter w, ApiSpec api, OperationSpec operation, List<string> parameters, string method, string path,
        string name, string response)
    {
        var none = operation.ResponseType.Kind == TypeKind.None;
        var task = "global::System.Threading.Tasks.Task" + (none ? string.Empty : "<" + response + ">");
        w.Open($"public virtual {task} {operation.MethodName}({string.Join(", ", parameters)})");
        path = EmitPath(w, operation, path);
        if (operation.RequestType is not null && !operation.RequestOptional)
        {
            w.Open($"if ({Request} is null)");
            w.Line($"throw new global::System.ArgumentNullException(nameof({Request}));");
            w.Close();
            w.Line();
        }

        foreach (var property in operation.RequestProperties.Where(p => p.RequiresSecret))
        {
            var ensure = $"_pipeline.EnsureSecret({SourceWriter.Literal($"Setting `{property.JsonName}` in \"{operation.Heading}\"")});";
            if (!property.Nullable && property.Type.IsValueType && !operation.RequestOptional)
            {
                // A required value-type member is always set (and cannot be compared with null): the secret is always needed.
                w.Line(ensure);
                continue;
            }

            w.Open($"if ({Request}{(operation.RequestOptional ? "?" : string.Empty)}.{property.Name} is not null)");
            w.Line(ensure);
            w.Close();
        }

        // An operation with no content to read sends through SendWithoutResponseAsync, without a response type.
        var send = none ? "SendWithoutResponseAsync" : "SendAsync";
        var responseInfo = none ? string.Empty : $"{Context(api)}.Default.{ContextMember(operation.ResponseType)}, ";
        if (operation.RequestType is not null && operation.RequestInBody)
        {
            var body = operation.RequestOptional ? $"{Request} ?? new global::{api.Namespace}.{operation.RequestType}()" : Request;
            var query = "null";
            if (operation.RequestProperties.Any(p => p.InQuery))
            {
                // The docs list these under "Query Parameters": the query string, not the body.
                query = Query;
                w.Line($"var {Query} = new {Runtime}.ApiQuery();");
                foreach (var property in operation.RequestProperties.Where(p => p.InQuery))
                {
                    w.Line(QueryAdd(property.JsonName, property.Type, Request + "." + property.Name));
                }
            }

            var bodyInfo = $"{Context(api)}.Default.{operation.RequestType}";
            w.Line($"return {PipelineOf(operation)}.{send}({name}, {method}, {path}, {query}, {body}, {bodyInfo}, {responseInfo}{RequestOptions}, " +
                $"{CancellationToken});");
        }
        else if (operation.RequestType is not null)
        {
            w.Line($"var {Query} = new {Runtime}.ApiQuery();");
            foreach (var property in operation.RequestProperties)
            {
                w.Line(QueryAdd(property.JsonName, property.Type, Request + (operation.RequestOptional ? "?." : ".") + property.Name));
            }

            w.Line($"return {PipelineOf(operation)}.{send}({name}, {method}, {path}, {Query}, {responseInfo}{RequestOptions}, {CancellationToken});");
        }
        else
        {
            w.Line($"return {PipelineOf(operation)}.{send}({name}, {method}, {path}, null, {responseInfo}{RequestOptions}, {CancellationToken});");
        }

        w.Close();
    }

    /// <summary>The pipeline an operation sends through: without credentials where the docs say it needs none.</summary>
    private static string PipelineOf(OperationSpec operation) => operation.Auth switch
    {
        AuthKind.None => "_pipeline.Anonymous",
        AuthKind.Basic => "_pipeline.Basic",
        _ => "_pipeline",
    };

    /// <summary>
    /// The request path, built first so that a path parameter that is null, empty or a dot-segment
    /// fails before anything else, named (<c>ApiPath.Segment</c> checks it and throws). With path
    /// parameters it is a local, <see cref="RequestPath"/> (reserved in the parameter names); without, the literal.
    /// </summary>
    private static string EmitPath(SourceWriter w, OperationSpec operation, string path)
    {
        if (operation.PathParameters.Count == 0)
        {
            return path;
        }

        w.Line($"var {RequestPath} = {path};");
        w.Line();
        return RequestPath;
    }

    private static string PathExpression(OperationSpec operation) =>
        string.Join(" + ", operation.PathParts.Select(part => part.Literal is not null
            ? SourceWriter.Literal(part.Literal)
            : $"{Runtime}.ApiPath.Segment({part.ParameterName}, nameof({part.ParameterName}))"));

    /// <summary>The attribute that names a parameter in its <c>&lt;param&gt;</c> doc.</summary>
    private static string ParamName(string parameter) => $" name=\"{parameter}\"";

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => $"new global::System.Net.Http.HttpMethod({SourceWriter.Literal(method)})",
    };

    private static string QueryAdd(string jsonName, TypeRef type, string value) =>
        QueryValue(type, value) is { } typed
            ? $"{Query}.Add({SourceWriter.Literal(jsonName)}, {typed});"
            : $"{Query}.AddValue({SourceWriter.Literal(jsonName)}, {value});";

    private static string? QueryValue(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => $"(string?){value}",
        TypeKind.Int32 or TypeKind.Int64 => $"(long?){value}",
        TypeKind.Decimal => $"(decimal?){value}",
        TypeKind.Double => $"(double?){value}",
        TypeKind.Boolean => $"(bool?){value}",
        TypeKind.DateTimeOffset => $"(global::System.DateTimeOffset?){value}",
        TypeKind.DateOnly => $"(global::System.DateOnly?){value}",
        TypeKind.Scalar => $"({Runtime}.ApiScalar?){value}",
        TypeKind.List when type.Element!.Kind == TypeKind.String => $"(global::System.Collections.Generic.IEnumerable<string>?){value}",
        _ => null,
    };
}
