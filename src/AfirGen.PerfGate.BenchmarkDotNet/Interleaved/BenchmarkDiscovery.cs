using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>
/// Finds the benchmarks of an assembly by reflection, by attribute name (perfgate does not reference BenchmarkDotNet),
/// and expands them into cases as BenchmarkDotNet does: generic classes by [GenericTypeArguments]; parameters by
/// [Params], [ParamsSource] and [ParamsAllValues]; arguments by [Arguments] and [ArgumentsSource]; each case with the
/// one global and iteration setup and cleanup that BenchmarkDotNet would choose for it (the one that targets the
/// method, else the one that targets none).
/// </summary>
internal static class BenchmarkDiscovery
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>How the reason of a benchmark whose shape the interleaved harness cannot call starts; `ab` measures those another way.</summary>
    public const string NotInterleaved = "cannot be interleaved: ";

    /// <summary>The cases of <paramref name="assembly"/> among <paramref name="methods"/>, and the methods that cannot be run this way, with why.</summary>
    public static (List<BenchmarkCase> Cases, List<(string Method, string Reason)> Unsupported) Discover(Assembly assembly, IReadOnlyCollection<string> methods)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(methods);
        var cases = new List<BenchmarkCase>();
        var unsupported = new List<(string, string)>();
        foreach (var type in BenchmarkTypes(assembly))
        {
            foreach (var method in type.GetMethods(Members).Where(m => Has(m, "BenchmarkAttribute")).OrderBy(m => m.MetadataToken))
            {
                var name = $"{TypeName(type)}.{method.Name}";
                if (!methods.Contains(name))
                {
                    continue;
                }

                try
                {
                    var found = Cases(type, method, name);
                    if (found.Error is { } error)
                    {
                        unsupported.Add((name, NotInterleaved + error));
                    }
                    else
                    {
                        cases.AddRange(found.Cases);
                    }
                }
#pragma warning disable CA1031 // A source member that throws is that benchmark's failure, not the run's.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                    unsupported.Add((name, $"its parameters or arguments could not be made: {inner.GetType().FullName}: {inner.Message}"));
                }
            }
        }

        // Two cases BenchmarkDotNet would name alike stay apart.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var n = seen[cases[i].Id] = seen.GetValueOrDefault(cases[i].Id) + 1;
            if (n > 1)
            {
                cases[i] = cases[i] with { Id = $"{cases[i].Id} #{n}" };
            }
        }

        return (cases, unsupported);
    }

    /// <summary>The benchmark methods of <paramref name="assembly"/>, named as <c>--list flat</c> names them.</summary>
    public static List<string> Methods(Assembly assembly) => BenchmarkTypes(assembly)
        .SelectMany(t => t.GetMethods(Members).Where(m => Has(m, "BenchmarkAttribute")).Select(m => $"{TypeName(t)}.{m.Name}"))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The public concrete classes, with each generic class closed over each of its [GenericTypeArguments].</summary>
    private static IEnumerable<Type> BenchmarkTypes(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }

        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && (t.IsPublic || t.IsNestedPublic)))
        {
            if (!type.IsGenericTypeDefinition)
            {
                yield return type;
                continue;
            }

            foreach (var attribute in Attributes(type, "GenericTypeArgumentsAttribute"))
            {
                if (attribute.GetType().GetProperty("GenericTypeArguments")?.GetValue(attribute) is Type[] arguments)
                {
                    Type? closed = null;
                    try
                    {
                        closed = type.MakeGenericType(arguments);
                    }
                    catch (ArgumentException)
                    {
                        // Arguments that break the constraints: BenchmarkDotNet's validation reports it, there is nothing to run.
                    }

                    if (closed is not null)
                    {
                        yield return closed;
                    }
                }
            }
        }
    }

    private static (List<BenchmarkCase> Cases, string? Error) Cases(Type type, MethodInfo method, string name)
    {
        if (method.ContainsGenericParameters)
        {
            return ([], "a generic benchmark method has no type to run with");
        }

        if (ReturnShape.Of(method.ReturnType) is not { } shape)
        {
            return ([], $"it returns {method.ReturnType.Name}, which a delegate cannot return");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef || p.ParameterType.IsByRefLike || p.ParameterType.IsPointer))
        {
            return ([], "it takes a ref, pointer or ref struct argument, which cannot be passed by reflection");
        }

        var globalSetup = Chosen(type, method, "GlobalSetupAttribute");
        var globalCleanup = Chosen(type, method, "GlobalCleanupAttribute");
        var iterationSetup = Chosen(type, method, "IterationSetupAttribute");
        var iterationCleanup = Chosen(type, method, "IterationCleanupAttribute");
        var cases = new List<BenchmarkCase>();
        foreach (var arguments in ArgumentSets(type, method))
        {
            foreach (var parameters in ParameterSets(type))
            {
                var labels = method.GetParameters().Select((p, i) => $"{p.Name}: {Format(arguments[i])}")
                    .Concat(parameters.Select(p => $"{p.Member.Name}: {Format(p.Value)}")).ToList();
                var id = labels.Count == 0 ? name : $"{name}({string.Join(", ", labels)})";
                var (args, values) = (arguments, parameters);
                cases.Add(new BenchmarkCase(id, name, () =>
                {
                    var instance = Activator.CreateInstance(type);
                    foreach (var (member, value) in values)
                    {
                        Set(member, instance, value);
                    }

                    Bind(globalSetup, instance)?.Invoke();
                    var call = Call(shape, method, instance, args);
                    return new PreparedCase(Loops.For(shape, call), Loops.For(shape, shape.Empty()),
                        Bind(iterationSetup, instance), Bind(iterationCleanup, instance), Bind(globalCleanup, instance));
                }));
            }
        }

        return (cases, null);
    }

    private static bool Has(MemberInfo member, string attribute) => Attributes(member, attribute).Any();

    private static IEnumerable<Attribute> Attributes(MemberInfo member, string attribute) =>
        member.GetCustomAttributes(inherit: true).OfType<Attribute>().Where(a => a.GetType().Name == attribute);

    /// <summary>The setup or cleanup BenchmarkDotNet runs for <paramref name="benchmark"/>: the one that targets it, else one that targets none.</summary>
    private static MethodInfo? Chosen(Type type, MethodInfo benchmark, string attribute)
    {
        var candidates = type.GetMethods(Members).Where(m => Has(m, attribute) && m.GetParameters().Length == 0).OrderBy(m => m.MetadataToken)
            .Select(m => (Method: m, Targets: Attributes(m, attribute).Select(Targets).FirstOrDefault() ?? [])).ToList();
        return candidates.FirstOrDefault(c => c.Targets.Contains(benchmark.Name, StringComparer.Ordinal)).Method
            ?? candidates.FirstOrDefault(c => c.Targets.Length == 0).Method;
    }

    private static string[]? Targets(Attribute attribute) => attribute.GetType().GetProperty("Targets")?.GetValue(attribute) as string[];

    private static Action? Bind(MethodInfo? method, object? instance) => method switch
    {
        null => null,
        { IsStatic: true } => method.CreateDelegate<Action>(),
        _ => method.CreateDelegate<Action>(instance),
    };

    /// <summary>
    /// A delegate that calls the benchmark: the method itself when it takes no arguments (as BenchmarkDotNet calls it),
    /// else a compiled call with the arguments as constants.
    /// </summary>
    private static Delegate Call(ReturnShape shape, MethodInfo method, object? instance, object?[] arguments)
    {
        var parameters = method.GetParameters();
        if (parameters.Length == 0)
        {
            return method.IsStatic ? method.CreateDelegate(shape.DelegateType) : method.CreateDelegate(shape.DelegateType, instance);
        }

        var args = parameters.Select((p, i) => (Expression)Expression.Constant(arguments[i], p.ParameterType));
        var target = method.IsStatic ? null : Expression.Constant(instance, method.DeclaringType!);
        return Expression.Lambda(shape.DelegateType, Expression.Call(target, method, args)).Compile();
    }

    /// <summary>The argument lists of a method: one empty list without arguments, else one per [Arguments] or [ArgumentsSource] item.</summary>
    private static List<object?[]> ArgumentSets(Type type, MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length == 0)
        {
            return [[]];
        }

        var sets = new List<object?[]>();
        foreach (var attribute in Attributes(method, "ArgumentsAttribute"))
        {
            var values = attribute.GetType().GetProperty("Values")?.GetValue(attribute) as object?[] ?? [];
            sets.Add(values);
        }

        foreach (var attribute in Attributes(method, "ArgumentsSourceAttribute"))
        {
            foreach (var item in Source(type, attribute))
            {
                sets.Add(parameters.Length == 1 && item is not object?[] ? [item] : item as object?[] ?? [item]);
            }
        }

        return sets.Select(values => values.Length == parameters.Length
                ? parameters.Select((p, i) => Convert(values[i], p.ParameterType)).ToArray()
                : throw new InvalidOperationException($"an argument list has {values.Length} values for {parameters.Length} parameters"))
            .ToList();
    }

    /// <summary>Every combination of the class's parameters, the first parameter varying slowest, as BenchmarkDotNet orders them.</summary>
    private static List<List<(MemberInfo Member, object? Value)>> ParameterSets(Type type)
    {
        var sets = new List<List<(MemberInfo, object?)>> { new() };
        foreach (var member in type.GetMembers(Members).Where(m => m is PropertyInfo { CanWrite: true } or FieldInfo { IsInitOnly: false, IsLiteral: false })
            .OrderBy(m => m.MetadataToken))
        {
            var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
            object?[]? values = null;
            if (Attributes(member, "ParamsAttribute").FirstOrDefault() is { } plain)
            {
                values = plain.GetType().GetProperty("Values")?.GetValue(plain) as object?[];
            }
            else if (Attributes(member, "ParamsSourceAttribute").FirstOrDefault() is { } source)
            {
                values = Source(type, source).ToArray();
            }
            else if (Has(member, "ParamsAllValuesAttribute"))
            {
                values = AllValues(memberType);
            }

            if (values is null)
            {
                continue;
            }

            var converted = values.Select(v => Convert(v, memberType)).ToArray();
            sets = sets.SelectMany(s => converted.Select(v => new List<(MemberInfo, object?)>(s) { (member, v) })).ToList();
        }

        return sets;
    }

    private static object?[] AllValues(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var values = (underlying ?? type) switch
        {
            var t when t == typeof(bool) => new object?[] { false, true },
            { IsEnum: true } e => Enum.GetValuesAsUnderlyingType(e).Cast<object>().Select(v => Enum.ToObject(e, v)).ToArray<object?>(),
            _ => throw new InvalidOperationException($"[ParamsAllValues] takes bool and enum members, not {type.Name}"),
        };
        return underlying is null ? values : [.. values, null];
    }

    /// <summary>The values of the member a [ParamsSource] or [ArgumentsSource] names: a field, property or method, static or not.</summary>
    private static List<object?> Source(Type type, Attribute attribute)
    {
        var name = attribute.GetType().GetProperty("Name")?.GetValue(attribute) as string
            ?? throw new InvalidOperationException($"{attribute.GetType().Name} names no member");
        var flags = Members | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;
        var member = type.GetMember(name, flags).FirstOrDefault(m => m is FieldInfo or PropertyInfo || m is MethodInfo { IsGenericMethodDefinition: false } mi && mi.GetParameters().Length == 0)
            ?? throw new InvalidOperationException($"{type.Name} has no field, property or method {name} without parameters");
        var isStatic = member switch
        {
            FieldInfo f => f.IsStatic,
            PropertyInfo p => p.GetMethod?.IsStatic ?? false,
            _ => ((MethodInfo)member).IsStatic,
        };
        var instance = isStatic ? null : Activator.CreateInstance(type);
        var value = member switch
        {
            FieldInfo f => f.GetValue(instance),
            PropertyInfo p => p.GetValue(instance),
            _ => ((MethodInfo)member).Invoke(instance, null),
        };
        return value is IEnumerable items and not string
            ? items.Cast<object?>().ToList()
            : throw new InvalidOperationException($"{type.Name}.{name} does not return a sequence");
    }

    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsEnum ? Enum.ToObject(target, value)
            : value is IConvertible ? System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
            : value;
    }

    private static void Set(MemberInfo member, object? instance, object? value)
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

    /// <summary>A type as BenchmarkDotNet names it: Namespace.Outer.Type&lt;Int32, String&gt;.</summary>
    internal static string TypeName(Type type)
    {
        var name = type.IsNested ? $"{TypeName(type.DeclaringType!)}.{Plain(type)}" : $"{(type.Namespace is { } ns ? ns + "." : "")}{Plain(type)}";
        return name;

        static string Plain(Type t)
        {
            var tick = t.Name.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0)
            {
                return t.Name;
            }

            var own = t.GetGenericArguments().Skip(t.DeclaringType?.GetGenericArguments().Length ?? 0);
            return $"{t.Name[..tick]}<{string.Join(", ", own.Select(a => a.Name))}>";
        }
    }

    /// <summary>A parameter or argument value as BenchmarkDotNet prints it in a benchmark's full name.</summary>
    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        char c => $"'{c}'",
        bool b => b ? "True" : "False",
        Array a => $"{a.GetType().GetElementType()!.Name}[{a.Length}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
