using System;
using System.Text;

namespace Engage.Codegen.Runtime;

// A failed response as a typed exception with everything the server said.
public sealed partial class ApiPipeline
{
    private ApiException CreateException(Attempt attempt, Call call, string? problem, Exception? inner)
    {
        var error = ApiException.TryReadError(attempt.Body);
        var body = ApiException.DecodeBody(attempt.Body);
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

        // A refused request's field errors, each with its field, so the caller need not parse the body to learn which was wrong.
        if (problem is null && attempt.StatusCode is >= 400 and < 500 && ApiFieldErrors.Read(body) is { Count: > 0 } fields)
        {
            message.Append(". Field errors: ").Append(ApiFieldErrors.Describe(fields, RedactCredentials));
        }

        if (call.Attempts > 1)
        {
            message.Append(" (after ").Append(call.Attempts).Append(" attempts)");
        }

        if (attempt.RetryAfter is { } retryAfter)
        {
            message.Append(" Retry-After: ").Append(retryAfter).Append('.');
        }

        return new ApiException(message.ToString(), attempt.StatusCode, error, body, call.Method.Method, call.Uri, attempt.Headers, inner, call.Attempts, attempt.RetryAfter);
    }

    /// <summary>The text with the client's key and secret masked, should the server echo them back.</summary>
    private string RedactCredentials(string text)
    {
        foreach (var credential in _redacted)
        {
            if (text.IndexOf(credential, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(credential, "***");
            }
        }

        return text;
    }
}
