using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>The lowercase names results@1 gives to enum values; written and read from one table so they cannot drift.</summary>
internal static class ResultsJsonNames
{
    /// <summary>Category names, in enum order.</summary>
    public static readonly IReadOnlyList<(Category Value, string Name)> Categories =
        [(Category.Micro, "micro"), (Category.Api, "api"), (Category.Db, "db"), (Category.Cache, "cache")];

    /// <summary>Status names, in enum order.</summary>
    public static readonly IReadOnlyList<(BenchmarkStatus Value, string Name)> Statuses =
        [(BenchmarkStatus.Succeeded, "succeeded"), (BenchmarkStatus.Failed, "failed")];

    /// <summary>The name of a category.</summary>
    public static string Of(Category category) => Categories.First(c => c.Value == category).Name;

    /// <summary>The name of a status.</summary>
    public static string Of(BenchmarkStatus status) => Statuses.First(s => s.Value == status).Name;

    /// <summary>Looks up a value by its exact name.</summary>
    public static T Parse<T>(JsonCursor at, IReadOnlyList<(T Value, string Name)> table)
    {
        var name = at.String();
        foreach (var (value, known) in table)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw at.Fail($"\"{name}\" is not one of: {string.Join(", ", table.Select(t => t.Name))}");
    }
}
