using System.Text;

namespace Engage.Codegen.Surface;

/// <summary>A path with its parameters' names left out (<c>/users/{}</c>): two paths that differ only in those names are one path in OpenAPI.</summary>
internal static class PathShape
{
    public static string Of(string path)
    {
        var shape = new StringBuilder(path.Length);
        var inside = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inside = true;
                shape.Append("{}");
            }
            else if (c == '}')
            {
                inside = false;
            }
            else if (!inside)
            {
                shape.Append(c);
            }
        }

        return shape.ToString();
    }
}
