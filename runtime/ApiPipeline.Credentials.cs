using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

// Where the credentials go: a Basic header, the docs' header (or two), or the query string, per attempt.
public sealed partial class ApiPipeline
{
    /// <summary>
    /// Puts the credentials where the docs say, on this request only: never into <see cref="Call.Uri"/>,
    /// which logs, spans and exception messages show.
    /// </summary>
    private async ValueTask AddCredentialsAsync(HttpRequestMessage request, Call call, CancellationToken cancellationToken)
    {
        if (_anonymous)
        {
            return;
        }

        if (_basic)
        {
            request.Headers.Authorization = _basicAuthorization;
            return;
        }

        switch (_scheme.Location)
        {
            case ApiCredentialLocation.Header:
                var token = _tokenProvider is null ? _key : await _tokenProvider(cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(token))
                {
                    throw new ApiCredentialsException($"{nameof(ApiClientOptions.TokenProvider)} returned no {_scheme.KeyName}. Nothing was sent.");
                }

                ApiHeaders.EnsureNoLineBreaks(token!, _scheme.KeyName);
                request.Headers.TryAddWithoutValidation(_scheme.HeaderName!, _scheme.Prefix + token);
                break;
            case ApiCredentialLocation.Headers:
                request.Headers.TryAddWithoutValidation(_scheme.HeaderName!, _key);
                request.Headers.TryAddWithoutValidation(_scheme.SecretHeaderName!, _scheme.Prefix + _secret);
                break;
            case ApiCredentialLocation.Query:
                request.RequestUri = new Uri(call.Uri + (call.Uri.IndexOf('?') >= 0 ? "&" : "?") + Uri.EscapeDataString(_scheme.ParameterName!) + "=" + Uri.EscapeDataString(_key!));
                break;
            default:
                request.Headers.Authorization = _authorization;
                break;
        }
    }
}
