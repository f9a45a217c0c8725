using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>
/// Finds the [Benchmark] methods of an assembly by reflection, by attribute name (perfgate does not reference
/// BenchmarkDotNet), expands [Params], runs [GlobalSetup], and makes each case callable.
/// </summary>
internal static class BenchmarkDiscovery
{
    /// <summary>The cases of <paramref name="assembly"/>, and the methods that interleaving cannot run, with why.</summary>
    public static (List<BenchmarkCase> Cases, List<(string Method, string Reason)> Unsupported) Discover(Assembly assembly)
    {
        var cases = new List<BenchmarkCase>();
        var unsupported = new List<(string, string)>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true, ContainsGenericParameters: false }))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => Has(m, "BenchmarkAttribute")).ToList();
            if (methods.Count == 0)
            {
                continue;
            }

            var reason = Unsupported(type);
            foreach (var method in methods)
            {
                var name = $"{type.FullName}.{method.Name}";
                var why = reason ?? MethodReason(method);
                if (why is not null)
                {
                    unsupported.Add((name, why));
                    continue;
                }

                foreach (var parameters in ParameterSets(type))
                {
                    var instance = Activator.CreateInstance(type)!;
                    foreach (var (member, value) in parameters)
                    {
                        Set(member, instance, value);
                    }

                    foreach (var setup in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => Has(m, "GlobalSetupAttribute")))
                    {
                        setup.Invoke(instance, null);
                    }

                    var id = parameters.Count == 0 ? name : $"{name}({string.Join(", ", parameters.Select(p => $"{p.Member.Name}: {Format(p.Value)}"))})";
                    cases.Add(new BenchmarkCase(id, name, Compile(instance, method)));
                }
            }
        }

        return (cases, unsupported);
    }

    private static bool Has(MemberInfo member, string attribute) =>
        member.GetCustomAttributes(inherit: true).Any(a => a.GetType().Name == attribute);

    private static string? Unsupported(Type type)
    {
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance);
        if (members.Any(m => Has(m, "ParamsSourceAttribute") || Has(m, "ParamsAllValuesAttribute")))
        {
            return "[ParamsSource] and [ParamsAllValues] are not supported when interleaving";
        }

        return members.Any(m => Has(m, "IterationSetupAttribute") || Has(m, "IterationCleanupAttribute"))
            ? "[IterationSetup] and [IterationCleanup] are not supported when interleaving"
            : null;
    }

    private static string? MethodReason(MethodInfo method) =>
        method.GetParameters().Length > 0 ? "benchmarks with [Arguments] are not supported when interleaving"
        : typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal) ? "async benchmarks are not supported when interleaving"
        : method.ContainsGenericParameters ? "generic benchmarks are not supported when interleaving"
        : null;

    private static List<List<(MemberInfo Member, object? Value)>> ParameterSets(Type type)
    {
        var sets = new List<List<(MemberInfo, object?)>> { new() };
        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance).Where(m => m is PropertyInfo or FieldInfo))
        {
            var attribute = member.GetCustomAttributes(inherit: true).FirstOrDefault(a => a.GetType().Name == "ParamsAttribute");
            if (attribute?.GetType().GetProperty("Values")?.GetValue(attribute) is not object?[] values)
            {
                continue;
            }

            sets = sets.SelectMany(s => values.Select(v => new List<(MemberInfo, object?)>(s) { (member, v) })).ToList();
        }

        return sets;
    }

    private static void Set(MemberInfo member, object instance, object? value)
    {
        switch (member)
        {
            case PropertyInfo p:
                p.SetValue(instance, value);
                break;
            case FieldInfo f:
                f.SetValue(instance, value);
                break;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Func<object?> Compile(object instance, MethodInfo method)
    {
        Expression call = Expression.Call(Expression.Constant(instance), method);
        var body = method.ReturnType == typeof(void)
            ? (Expression)Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object?>>(body).Compile();
    }
}
