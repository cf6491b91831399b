using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Registers a generated client with dependency injection. Used by the generated
/// <c>services.Add{ClientName}(...)</c> methods; call those instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiClientServices
{
    /// <summary>
    /// Registers the client (and its key-only public client) under <paramref name="name"/>: options
    /// bound and validated at startup, an HttpClient from IHttpClientFactory per request, logs to the
    /// container's ILoggerFactory. The default name registers plain services; any other name
    /// registers keyed services with that key.
    /// </summary>
    /// <returns>The builder of the HttpClient the client sends with, for adding handlers.</returns>
    public static IHttpClientBuilder Add<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string name,
        IConfiguration? configuration,
        Action<TOptions>? configure,
        Func<ApiPipeline, TClient> createClient,
        Func<ApiPipeline, object>? createPublicClient,
        Type? publicClientType)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var options = services.AddOptions<TOptions>(name);
        if (configuration is not null)
        {
            options.Configure(o => o.Bind(configuration));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, Validator<TOptions>>());
        options.ValidateOnStart();

        var httpClientName = typeof(TClient).FullName + (name.Length == 0 ? string.Empty : ":" + name);
        ApiPipeline Pipeline(IServiceProvider provider, bool useSecret)
        {
            var settings = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new ApiPipeline(settings, () => factory.CreateClient(httpClientName), provider.GetService<ILoggerFactory>(), useSecret);
        }

        // Singletons: the pipeline asks IHttpClientFactory for an HttpClient per request, so handlers
        // still rotate; one client instance serves the whole app, as the docs of the client say.
        if (name.Length == 0)
        {
            services.TryAddSingleton(provider => createClient(Pipeline(provider, useSecret: true)));
            if (createPublicClient is not null && publicClientType is not null)
            {
                services.TryAdd(ServiceDescriptor.Singleton(publicClientType, provider => createPublicClient(Pipeline(provider, useSecret: false))));
            }
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => createClient(Pipeline(provider, useSecret: true)));
            if (createPublicClient is not null && publicClientType is not null)
            {
                services.Add(ServiceDescriptor.KeyedSingleton(publicClientType, name, (provider, _) => createPublicClient(Pipeline(provider, useSecret: false))));
            }
        }

        // The pipeline times each attempt itself (ApiClientOptions.Timeout, per-request Timeout).
        return services.AddHttpClient(httpClientName).ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
    }

    /// <summary>Validates every named instance of the options with <see cref="ApiClientOptions.Validate"/>.</summary>
    private sealed class Validator<TOptions> : IValidateOptions<TOptions>
        where TOptions : ApiClientOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                var registration = string.IsNullOrEmpty(name) ? string.Empty : $" (registration \"{name}\")";
                return ValidateOptionsResult.Fail(StripParameter(exception) + registration);
            }
        }

        private static string StripParameter(ArgumentException exception) =>
            exception.ParamName is { } parameter && exception.Message.EndsWith($" (Parameter '{parameter}')", StringComparison.Ordinal)
                ? exception.Message.Substring(0, exception.Message.Length - $" (Parameter '{parameter}')".Length)
                : exception.Message;
    }
}
