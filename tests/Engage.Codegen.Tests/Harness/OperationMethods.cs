using System.Reflection;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests;

/// <summary>Finds generated operations by reflection: each has a full overload (with per-call options) carrying [ApiOperation] and a short one without.</summary>
internal static class OperationMethods
{
    /// <summary>The overload of <paramref name="name"/> that carries [ApiOperation].</summary>
    public static MethodInfo Operation(this Type type, string name) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Single(m => m.Name == name && m.GetCustomAttribute<ApiOperationAttribute>() is not null);
}
