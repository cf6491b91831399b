using System;
using System.Collections.Generic;
using System.Net.Http;
using Polly;

namespace Engage.Codegen.Runtime;

// What one call and each of its attempts carry between the pipeline's parts.
public sealed partial class ApiPipeline
{
    /// <summary>What one call (all its attempts) shares.</summary>
    internal sealed class Call
    {
        private readonly long _started;
        private string? _logUri;

        public Call(ApiPipeline pipeline, string operation, HttpMethod method, string uri, byte[]? body, ApiRequestOptions? requestOptions)
        {
            Pipeline = pipeline;
            _started = pipeline._time.GetTimestamp();
            Operation = operation;
            Method = method;
            Uri = uri;
            Body = body;
            RequestOptions = requestOptions;
        }

        public ApiPipeline Pipeline { get; }

        public string Operation { get; }

        public HttpMethod Method { get; }

        public string Uri { get; }

        /// <summary>The URI for logs and spans: query values replaced by <c>*</c> (they can hold personal data such as an email).</summary>
        public string LogUri => _logUri ??= ApiUris.RedactQuery(Uri);

        public byte[]? Body { get; }

        public ApiRequestOptions? RequestOptions { get; }

        public int Attempts { get; set; }

        /// <summary>Whether a success keeps its headers (a page: Link and total-count headers).</summary>
        public bool KeepHeaders { get; init; }

        /// <summary>
        /// The first attempt's outcome, made outside the retry pipeline and handed to it as its own
        /// first attempt when that failure is to be retried; taken once.
        /// </summary>
        public Outcome<Attempt>? FirstOutcome { get; set; }

        /// <summary>The attempt whose answer stood, once the call has one.</summary>
        public Attempt? Last { get; set; }

        public TimeSpan Elapsed => Pipeline._time.GetElapsedTime(_started);
    }

    /// <summary>A response, read whole. Headers and reason are kept only for failures.</summary>
    internal sealed class Attempt
    {
        public Attempt(int statusCode, byte[] body, string? reasonPhrase = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, TimeSpan? retryAfter = null,
            bool xml = false)
        {
            StatusCode = statusCode;
            Body = body;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
            RetryAfter = retryAfter;
            Xml = xml;
        }

        /// <summary>The body is XML (its media type says so): read as JSON by <see cref="Serialization.ApiXml"/>.</summary>
        public bool Xml { get; }

        public int StatusCode { get; }

        public bool IsSuccess => StatusCode is >= 200 and <= 299;

        public byte[] Body { get; }

        public string? ReasonPhrase { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Headers { get; }

        public TimeSpan? RetryAfter { get; }
    }

    internal sealed class AttemptTimeoutException : Exception
    {
        public AttemptTimeoutException(TimeSpan timeout, Exception inner)
            : base("The attempt timed out after " + timeout + ".", inner)
        {
            Timeout = timeout;
        }

        public TimeSpan Timeout { get; }
    }
}
