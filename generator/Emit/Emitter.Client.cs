using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    private static GeneratedFile EmitClient(ApiSpec api, bool keyOnly)
    {
        var options = api.Names.Options;
        var w = Begin(api.Namespace);
        if (!keyOnly)
        {
            EmitOptions(w, api, options);
        }

        var client = keyOnly ? PublicClientName(api) : api.ClientName;
        var resources = keyOnly ? api.Resources.Where(HasKeyOnlyOperations).ToList() : api.Resources.ToList();
        string ResourceClass(ResourceSpec resource) => keyOnly ? resource.PublicClassName : resource.ClassName;
        if (keyOnly)
        {
            w.Doc("summary", $"Client for the operations of the {api.ApiName} API that work with the API key alone, for code that must not hold " +
                "the secret (for example a client-side app). Secret-only operations are not on it, so calling one does not compile.");
        }
        else
        {
            w.Doc("summary", $"Client for the {api.ApiName} API, generated from its Markdown docs. Thread-safe; create one and reuse it.");
        }

        w.RawDoc("<remarks>Each resource of the docs is a property; each documented endpoint an async method carrying <see cref=\"" + Runtime
            + ".ApiOperationAttribute\"/>.</remarks>");
        w.Line(GeneratedCode);
        w.Open($"public partial class {client} : global::System.IDisposable");
        w.Line($"private readonly {Runtime}.ApiPipeline? _pipeline;");
        w.Line();
        if (keyOnly)
        {
            w.Doc("summary", "Creates a client from the API key.");
            w.Doc("param", "The API key.", " name=\"apiKey\"");
            w.Line($"public {client}(string apiKey)");
            w.Indent().Line($": this(new {options} {{ ApiKey = apiKey }}, null)").Dedent();
        }
        else if (api.Auth.Location is not (CredentialLocation.Basic or CredentialLocation.Headers))
        {
            // One credential, named as the docs name it: new DepotClient(accessToken).
            var parameter = api.Names.KeyParameter;
            w.Doc("summary", $"Creates a client from the {Spoken(api.Auth.KeyName)}.");
            w.Doc("param", $"The {Spoken(api.Auth.KeyName)}.", $" name=\"{parameter.TrimStart('@')}\"");
            w.Line($"public {client}(string {parameter})");
            w.Indent().Line($": this(new {options} {{ ApiKey = {parameter} }}, null)").Dedent();
        }
        else if (api.Auth.IsDefault)
        {
            w.Doc("summary", "Creates a client from an API key and, for operations that need it, the API secret.");
            w.Doc("param", "The API key.", " name=\"apiKey\"");
            w.Doc("param", "The API secret, or null to call only the operations that work with the key alone.", " name=\"apiSecret\"");
            w.Line($"public {client}(string apiKey, string? apiSecret = null)");
            w.Indent().Line($": this(new {options} {{ ApiKey = apiKey, ApiSecret = apiSecret }}, null)").Dedent();
        }
        else
        {
            // HTTP Basic, or two headers sent together, with the docs' names for the parts: new Orchard3Client(username,
            // password), new BoardClient(userId, authToken). Two headers need both; Basic's secret may be left out.
            var together = api.Auth.Location == CredentialLocation.Headers;
            var key = api.Names.KeyParameter;
            var secret = api.Names.SecretParameter;
            var keyName = Spoken(api.Auth.KeyName);
            var secretName = Spoken(api.Auth.SecretName ?? "ApiSecret");
            w.Doc("summary", together ? $"Creates a client from the {keyName} and the {secretName}, sent together."
                : $"Creates a client from the {keyName} and, for operations that need it, the {secretName}.");
            w.Doc("param", $"The {keyName}.", $" name=\"{key.TrimStart('@')}\"");
            w.Doc("param", together ? $"The {secretName}." : $"The {secretName}, or null to call only the operations that work with the {keyName} alone.",
                $" name=\"{secret.TrimStart('@')}\"");
            w.Line(together ? $"public {client}(string {key}, string {secret})" : $"public {client}(string {key}, string? {secret} = null)");
            w.Indent().Line($": this(new {options} {{ ApiKey = {key}, ApiSecret = {secret} }}, null)").Dedent();
        }

        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("summary", "Creates a client from options.");
        w.Doc("param", keyOnly ? "Key, API root, timeout and retries; validated now. A secret in them is never sent."
            : "Credentials, API root, timeout and retries; validated now.", " name=\"options\"");
        w.Line($"public {client}({options} options)");
        w.Indent().Line(": this(options, null)").Dedent();
        w.Line("{");
        w.Line("}");
        w.Line();
        var optionsDoc = keyOnly ? "Key, API root, timeout and retries; validated now. A secret in them is never sent."
            : "Credentials, API root, timeout and retries; validated now.";
        w.Doc("summary", "Creates a client that sends through a given HttpClient (for example one from IHttpClientFactory).");
        w.Doc("param", optionsDoc, " name=\"options\"");
        w.Doc("param", "The HttpClient to send with, or null to create one that the client disposes.", " name=\"httpClient\"");
        w.Line($"public {client}({options} options, global::System.Net.Http.HttpClient? httpClient)");
        w.Indent().Line(": this(options, httpClient, null)").Dedent();
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("summary", "Creates a client that sends through a given HttpClient and logs to a logger factory.");
        w.Doc("param", optionsDoc, " name=\"options\"");
        w.Doc("param", "The HttpClient to send with, or null to create one that the client disposes.", " name=\"httpClient\"");
        w.Doc(
            "param",
            $"Where request, response, retry and failure events go (category {api.Namespace}.{api.ClientName}), or null for none. " +
                "Bodies and credentials are not logged.",
            " name=\"loggerFactory\"");
        const string Logging = "global::Microsoft.Extensions.Logging";
        w.Line($"public {client}({options} options, global::System.Net.Http.HttpClient? httpClient, {Logging}.ILoggerFactory? loggerFactory)");
        w.Indent().Line($": this(new {Runtime}.ApiPipeline(options, httpClient, loggerFactory, useSecret: {(keyOnly ? "false" : "true")}))").Dedent();
        w.Line("{");
        w.Line("}");
        w.Line();
        w.RawDoc($"<summary>Creates a client over a pipeline; used by the generated <c>Add{api.ClientName}</c> registration.</summary>");
        w.Doc("param", keyOnly ? "The pipeline; it must not hold the secret." : "The pipeline.", " name=\"pipeline\"");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"public {client}({Runtime}.ApiPipeline pipeline)");
        w.Line("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
        if (keyOnly)
        {
            w.Open("if (pipeline.HasSecret)");
            w.Line("throw new global::System.ArgumentException(\"The public client must not hold the API secret.\", nameof(pipeline));");
            w.Close();
        }

        foreach (var resource in resources)
        {
            w.Line($"{resource.PropertyName} = new global::{api.Namespace}.{ResourceClass(resource)}(_pipeline);");
        }

        w.Close();
        w.Line();
        w.Doc("summary", "For mocking: a client with no connection, whose virtual members a test overrides.");
        w.Open($"protected {client}()");
        foreach (var resource in resources)
        {
            w.Line($"{resource.PropertyName} = null!;");
        }

        w.Close();
        foreach (var resource in resources)
        {
            w.Line();
            w.Doc("summary", $"The operations of the {resource.Title} page ({resource.FileName}){(keyOnly ? " that work with the key alone" : string.Empty)}.");
            w.Line($"public virtual global::{api.Namespace}.{ResourceClass(resource)} {resource.PropertyName} {{ get; }}");
        }

        w.Line();
        w.Doc("summary", "Disposes the HttpClient the client created, if it created one.");
        w.Open("public void Dispose()");
        w.Line("Dispose(true);");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.Close();
        w.Line();
        w.Doc("summary", "Disposes the HttpClient the client created, if it created one.");
        w.Doc("param", "False when called from a finalizer.", " name=\"disposing\"");
        w.Open("protected virtual void Dispose(bool disposing)");
        w.Open("if (disposing)");
        w.Line("_pipeline?.Dispose();");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return new GeneratedFile($"{client}.g.cs", w.ToString());
    }

    private static void EmitOptions(SourceWriter w, ApiSpec api, string options)
    {
        var credentials = api.Auth.IsDefault ? "the API key and secret" : $"the credentials ({Describe(api.Auth)})";
        var set = api.Auth.IsDefault ? "set ApiKey (and ApiSecret for operations that need it)"
            : $"set {api.Auth.KeyName}{(api.Auth.SecretName is { } secret ? $" and {secret}" : string.Empty)}";
        w.RawDoc($"<summary>Options of {api.ClientName}: {SourceWriter.Xml(credentials)}, the API root, the timeout and retries. " +
            $"Bind them from configuration with <c>Add{api.ClientName}(configuration)</c> or <see cref=\"{Runtime}.ApiClientOptions.Bind\"/>.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial class {options} : {Runtime}.ApiClientOptions");
        if (api.BaseAddress is not null)
        {
            w.Doc("summary", $"The API root the docs give: {api.BaseAddress}");
            w.Line($"public static global::System.Uri DefaultBaseAddress {{ get; }} = new global::System.Uri({SourceWriter.Literal(api.BaseAddress)});");
            w.Line();
            w.Doc("summary", $"Creates options with the documented API root; {set}.");
            w.Line($"public {options}() : base(DefaultBaseAddress)");
        }
        else if (api.AccountRoot is { } account)
        {
            w.Doc("summary", $"Creates options for the API root {account.Template}: set {account.OptionName}; {set}.");
            w.Line($"public {options}() : base(null)");
        }
        else
        {
            w.Doc("summary", api.Auth.IsDefault
                ? "Creates options. The docs give no API root: set BaseAddress, ApiKey and, for operations that need it, ApiSecret."
                : $"Creates options. The docs give no API root: set BaseAddress; {set}.");
            w.Line($"public {options}() : base(null)");
        }

        w.Line("{");
        w.Line("}");
        EmitAccountRoot(w, api, options);
        EmitCredentialScheme(w, api);
        EmitRequiredUserAgent(w, api);
        if (api.AnswersInXml)
        {
            w.Line();
            w.Doc("summary", "The docs show their answers as XML: requests ask for XML, read by the members the docs' examples name.");
            w.Line("protected override string ResponseMediaType => \"application/xml\";");
        }

        w.Close();
        w.Line();
    }

    /// <summary>The per-account part of the docs' API root as an option (AccountId) that fills the root.</summary>
    private static void EmitAccountRoot(SourceWriter w, ApiSpec api, string options)
    {
        if (api.AccountRoot is not { } account)
        {
            return;
        }

        var name = account.OptionName;
        var placeholder = "{" + name + "}";
        var example = account.Example.Length > 0 ? $" (the docs' example is {account.Example})" : string.Empty;
        w.Line();
        w.Doc("summary", $"The docs' API root, with {placeholder} where each account's own value goes.");
        w.Line($"public const string BaseAddressTemplate = {SourceWriter.Literal(account.Template)};");
        w.Line();
        w.Doc("summary", $"Your {Spoken(name)}{example}: requests go to {account.Template} with it in place, unless BaseAddress is set.");
        w.Line($"public string? {name} {{ get; set; }}");
        w.Line();
        w.Doc("summary", $"BaseAddress when set, else the docs' API root with {name} in place.");
        w.Doc("returns", "The API root, or null when neither is set or the result is not an absolute URI.");
        w.Open("protected override global::System.Uri? ResolveBaseAddress()");
        w.Open($"if (BaseAddress is not null || string.IsNullOrWhiteSpace({name}))");
        w.Line("return BaseAddress;");
        w.Close();
        w.Line();
        w.Line($"var address = BaseAddressTemplate.Replace({SourceWriter.Literal(placeholder)}, global::System.Uri.EscapeDataString({name}!.Trim()));");
        w.Line("return global::System.Uri.TryCreate(address, global::System.UriKind.Absolute, out var root) ? root : null;");
        w.Close();
        w.Line();
        w.Doc("summary", $"Checks the options; {name} (or BaseAddress) is required.");
        w.Open("public override void Validate()");
        w.Open($"if (BaseAddress is null && string.IsNullOrWhiteSpace({name}))");
        var message = SourceWriter.Literal($"{options}.{name} is required: the API root is {account.Template} (or set BaseAddress).");
        w.Line($"throw new global::System.ArgumentException({message}, {SourceWriter.Literal(name)});");
        w.Close();
        w.Line();
        w.Line("base.Validate();");
        w.Close();
        w.Line();
        w.Doc("summary", $"Reads the options from configuration, {name} included.");
        w.Doc("param", "The configuration section.", " name=\"configuration\"");
        w.Open("public override void Bind(global::Microsoft.Extensions.Configuration.IConfiguration configuration)");
        w.Line("base.Bind(configuration);");
        w.Line($"{name} = configuration[{SourceWriter.Literal(name)}] ?? {name};");
        w.Close();
    }

    /// <summary>How the docs say to authenticate, and the credentials under the docs' own names.</summary>
    private static void EmitCredentialScheme(SourceWriter w, ApiSpec api)
    {
        var auth = api.Auth;
        if (auth.IsDefault)
        {
            return;
        }

        var scheme = auth.Location switch
        {
            CredentialLocation.Header =>
                $"{Runtime}.ApiCredentialScheme.Header({SourceWriter.Literal(auth.HeaderName!)}, {SourceWriter.Literal(auth.Prefix ?? string.Empty)}, " +
                $"{SourceWriter.Literal(auth.KeyName)})",
            CredentialLocation.Query
                => $"{Runtime}.ApiCredentialScheme.Query({SourceWriter.Literal(auth.ParameterName!)}, {SourceWriter.Literal(auth.KeyName)})",
            CredentialLocation.Headers =>
                $"{Runtime}.ApiCredentialScheme.Headers({SourceWriter.Literal(auth.HeaderName!)}, {SourceWriter.Literal(auth.KeyName)}, " +
                $"{SourceWriter.Literal(auth.SecretHeaderName!)}, {SourceWriter.Literal(auth.Prefix ?? string.Empty)}, " +
                $"{SourceWriter.Literal(auth.SecretName ?? "ApiSecret")})",
            _ => $"{Runtime}.ApiCredentialScheme.Basic({SourceWriter.Literal(auth.KeyName)}, {SourceWriter.Literal(auth.SecretName ?? "ApiSecret")})",
        };
        w.Line();
        w.Doc("summary", $"As the docs say: {Describe(auth)}.");
        w.Line($"private static readonly {Runtime}.ApiCredentialScheme s_scheme = {scheme};");
        w.Line();
        w.Doc("summary", $"As the docs say: {Describe(auth)}.");
        w.Line($"protected override {Runtime}.ApiCredentialScheme CredentialScheme => s_scheme;");
        if (auth.KeyName != "ApiKey")
        {
            w.Line();
            w.Doc("summary", $"The {Spoken(auth.KeyName)}: {Describe(auth)}. The same value as ApiKey.");
            w.Line($"public string? {auth.KeyName} {{ get => ApiKey; set => ApiKey = value; }}");
        }

        if (auth.SecretName is { } secretName && secretName != "ApiSecret")
        {
            w.Line();
            w.Doc("summary", auth.Location == CredentialLocation.Headers
                ? $"The {Spoken(secretName)}, sent in the {auth.SecretHeaderName} header. The same value as ApiSecret."
                : $"The {Spoken(secretName)}, sent as the Basic auth password. The same value as ApiSecret.");
            w.Line($"public string? {secretName} {{ get => ApiSecret; set => ApiSecret = value; }}");
        }
    }

    /// <summary>The User-Agent the docs require, which options validation then insists on.</summary>
    private static void EmitRequiredUserAgent(SourceWriter w, ApiSpec api)
    {
        if (api.RequiredUserAgent is not { } example)
        {
            return;
        }

        w.Line();
        w.Doc("summary", "The docs ask every caller to name their application in the User-Agent header"
            + (example.Length == 0 ? "." : $", for example \"{example}\".") + " Set UserAgent; validation insists on it.");
        w.Line($"protected override string? RequiredUserAgentExample => {SourceWriter.Literal(example)};");
    }

    private static string Describe(CredentialSpec auth) => auth.Location switch
    {
        CredentialLocation.Header
            => $"sent in the {auth.HeaderName} header{(string.IsNullOrEmpty(auth.Prefix) ? string.Empty : $" after \"{auth.Prefix!.Trim()}\"")}",
        CredentialLocation.Query => $"sent as the {auth.ParameterName} query parameter (never logged)",
        CredentialLocation.Headers =>
            $"the {Spoken(auth.KeyName)} sent in the {auth.HeaderName} header and the {Spoken(auth.SecretName ?? "ApiSecret")} " +
            $"in the {auth.SecretHeaderName} header" +
            $"{(string.IsNullOrEmpty(auth.Prefix) ? string.Empty : $" after \"{auth.Prefix!.Trim()}\"")}, together",
        _ => $"HTTP Basic with the {Spoken(auth.KeyName)} as user name and the {Spoken(auth.SecretName ?? "ApiSecret")} as password",
    };
}
