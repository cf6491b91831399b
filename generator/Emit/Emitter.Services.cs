using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    /// <summary>The <c>services.Add{ClientName}(...)</c> methods: IHttpClientFactory, options bound and validated at startup, named registrations.</summary>
    private static GeneratedFile EmitServiceRegistration(ApiSpec api)
    {
        var client = api.ClientName;
        var options = $"global::{api.Namespace}.{api.Names.Options}";
        var className = api.Names.Services;
        var hasPublic = api.Resources.Any(HasKeyOnlyOperations);
        var publicClient = $"global::{api.Namespace}.{PublicClientName(api)}";
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
        var w = Begin(api.Namespace);
        w.Doc("summary", $"Registers {client}{(hasPublic ? " and " + PublicClientName(api) : string.Empty)} with dependency injection.");
        w.Line(GeneratedCode);
        w.Open($"public static partial class {className}");
        var registers = hasPublic
            ? $"Registers <see cref=\"global::{api.Namespace}.{client}\"/> and the key-only <see cref=\"{publicClient}\"/> as singletons"
            : $"Registers <see cref=\"global::{api.Namespace}.{client}\"/> as a singleton";
        var common = " that send through IHttpClientFactory. The options are validated when the host starts: a missing " +
            "key or a plain-HTTP address is a startup error.";

        // Four overloads: options from code or from configuration, each with or without a name.
        void Overload(bool named, bool fromConfiguration, string extra)
        {
            w.RawDoc($"<summary>{registers}{common}{extra}</summary>");
            w.Doc("param", "The services.", " name=\"services\"");
            if (named)
            {
                w.Doc("param", "The registration's name and service key.", " name=\"name\"");
            }

            w.Doc("param", fromConfiguration ? "The configuration section that holds the options."
                : "Sets the options: ApiKey, ApiSecret, BaseAddress, Timeout, Retry.", fromConfiguration ? " name=\"configuration\"" : " name=\"configure\"");
            w.Doc("returns", "The builder of the HttpClient the client sends with, for adding handlers.");
            var parameter = fromConfiguration ? $"{Configuration} configuration" : $"global::System.Action<{options}> configure";
            var argument = fromConfiguration ? "configuration" : "configure";
            w.Line($"public static {Builder} Add{client}(this {Services} services, {(named ? "string name, " : string.Empty)}{parameter})");
            var required = $"{argument} ?? throw new global::System.ArgumentNullException(nameof({argument}))";
            var arguments = fromConfiguration ? required + ", null" : "null, " + required;
            w.Indent().Line($"=> Add(services, {(named ? "Name(name)" : "string.Empty")}, {arguments});").Dedent();
            w.Line();
        }

        Overload(named: false, fromConfiguration: false, string.Empty);
        Overload(named: true, fromConfiguration: false, " This registration has a name, for several accounts: resolve its clients as keyed services with " +
            "that name (<c>[FromKeyedServices(\"name\")]</c>).");
        Overload(named: false, fromConfiguration: true,
            " The options are read from configuration, for example a section with ApiKey, ApiSecret, BaseAddress, Timeout and Retry:MaxRetries.");
        Overload(named: true, fromConfiguration: true, " The options are read from configuration; this registration has a name, for several accounts: " +
            "resolve its clients as keyed services with that name.");
        w.Open("private static string Name(string name)");
        w.Line("return string.IsNullOrEmpty(name) ? throw new global::System.ArgumentException(\"A registration name is required.\", nameof(name)) : name;");
        w.Close();
        w.Line();
        w.Line($"private static {Builder} Add({Services} services, string name, {Configuration}? configuration, global::System.Action<{options}>? configure)");
        w.Indent().Line($"=> {Runtime}.ApiClientServices.Add<global::{api.Namespace}.{client}, {options}>(");
        w.Indent();
        w.Line("services,");
        w.Line("name,");
        w.Line("configuration,");
        w.Line("configure,");
        w.Line($"static pipeline => new global::{api.Namespace}.{client}(pipeline),");
        w.Line(hasPublic ? $"static pipeline => new {publicClient}(pipeline)," : "null,");
        w.Line(hasPublic ? $"typeof({publicClient}));" : "null);");
        w.Dedent().Dedent();
        w.Close();
        w.Close();
        return new GeneratedFile($"{className}.g.cs", w.ToString());
    }
}
