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
}
