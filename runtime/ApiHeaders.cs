using System;

namespace Engage.Codegen.Runtime;

internal static class ApiHeaders
{
    public static void EnsureNoLineBreaks(string value, string name)
    {
        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0 || value.IndexOf('\0') >= 0)
        {
            throw new ArgumentException($"{name} must not contain CR, LF or NUL characters.", name);
        }
    }
}

internal static class ApiUris
{
    /// <summary>The URI as text with any user-info part removed, safe for messages and logs.</summary>
    public static string WithoutCredentials(Uri uri)
    {
        if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.ToString();
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        return builder.Uri.ToString();
    }

    /// <summary>The URI with every query value replaced by <c>*</c>: <c>/users?email=*&amp;limit=*</c>.</summary>
    public static string RedactQuery(string uri)
    {
        var query = uri.IndexOf('?');
        if (query < 0)
        {
            return uri;
        }

        var builder = new System.Text.StringBuilder(uri.Length).Append(uri, 0, query + 1);
        var parameters = uri.Substring(query + 1).Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            var equals = parameters[i].IndexOf('=');
            builder.Append(equals < 0 ? parameters[i] : parameters[i].Substring(0, equals) + "=*");
        }

        return builder.ToString();
    }
}
