using System;
using System.Text;

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
