using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Engage.Codegen.Runtime;

// A failed response as a typed exception with everything the server said.
public sealed partial class ApiPipeline
{
    private static ApiException CreateException(Attempt attempt, Call call, string? problem, Exception? inner)
    {
        var error = ApiException.TryReadError(attempt.Body);
        var message = new StringBuilder()
            .Append(call.Method.Method).Append(' ').Append(call.Uri).Append(" returned ")
            .Append(attempt.StatusCode);
        if (!string.IsNullOrEmpty(attempt.ReasonPhrase))
        {
            message.Append(' ').Append(attempt.ReasonPhrase);
        }

        if (problem is not null)
        {
            message.Append(", but ").Append(problem);
        }
        else if (error is not null)
        {
            message.Append(": ").Append(error);
        }

        if (call.Attempts > 1)
        {
            message.Append(" (after ").Append(call.Attempts).Append(" attempts)");
        }

        if (attempt.RetryAfter is { } retryAfter)
        {
            message.Append(" Retry-After: ").Append(retryAfter).Append('.');
        }

        return new ApiException(message.ToString(), attempt.StatusCode, error, ApiException.DecodeBody(attempt.Body), call.Method.Method, call.Uri, attempt.Headers, inner, call.Attempts, attempt.RetryAfter);
    }
}
