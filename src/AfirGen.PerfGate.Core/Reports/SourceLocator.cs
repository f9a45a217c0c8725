using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.Reports;

/// <summary>
/// Finds where a micro-benchmark is declared among the project's C# files, so that a diagnostic points at the method
/// (<c>Parse.cs(12,17): error PERF0001</c>). Best effort: an id it cannot map keeps the results file as its location.
/// </summary>
public sealed partial class SourceLocator
{
    // Generated or vendored giants are not where benchmarks live; reading them would only slow a failing build.
    private const long MaxFileBytes = 2 * 1024 * 1024;

    private readonly IReadOnlyList<string> files;
    private readonly Dictionary<string, string[]?> lines = new(StringComparer.Ordinal);

    /// <summary>A locator over <paramref name="files"/> (only the C# ones are read).</summary>
    public SourceLocator(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        this.files = files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A locator over the C# files under <paramref name="root"/>: build output, dependencies, hidden folders and the
    /// <paramref name="exclude"/>d folders (an untrusted artifact) are not searched, nor symbolic links; at most
    /// <paramref name="maxFiles"/> files.
    /// </summary>
    public static SourceLocator Under(string root, IEnumerable<string> exclude, int maxFiles = 20_000)
    {
        ArgumentNullException.ThrowIfNull(root);
        var skip = new HashSet<string>(exclude.Select(e => Path.GetFullPath(e).TrimEnd(Path.DirectorySeparatorChar)), StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.Count > 0 && found.Count < maxFiles)
        {
            var dir = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(dir, "*.cs").Where(f => !new FileInfo(f).Attributes.HasFlag(FileAttributes.ReparsePoint)).Take(maxFiles - found.Count));
                foreach (var sub in Directory.EnumerateDirectories(dir).OrderDescending(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(sub);
                    if (name is "bin" or "obj" or "node_modules" or "packages" || name.StartsWith('.') || skip.Contains(sub)
                        || new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        continue;
                    }

                    pending.Push(sub);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder only means fewer places to point at.
            }
        }

        return new SourceLocator(found);
    }

    /// <summary>The declaration of the benchmark method named by <paramref name="benchmarkId"/>, else its class, else null.</summary>
    public SourceLocation? Find(string benchmarkId)
    {
        if (!TryParse(benchmarkId, out var type, out var method))
        {
            return null;
        }

        var typePattern = new Regex($@"\b(class|struct|record)\s+{Regex.Escape(type)}\b", RegexOptions.CultureInvariant);
        var declaration = new Regex($@"\bpublic\b[^=;(]*\b{Regex.Escape(method)}\s*[(<]", RegexOptions.CultureInvariant);
        SourceLocation? typeOnly = null;
        foreach (var file in files)
        {
            var text = Read(file);
            if (text is null)
            {
                continue;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var t = typePattern.Match(text[i]);
                if (!t.Success)
                {
                    continue;
                }

                typeOnly ??= new SourceLocation(file, i + 1, t.Index + 1);
                for (var j = i; j < text.Length; j++)
                {
                    var m = declaration.Match(text[j]);
                    if (m.Success)
                    {
                        return new SourceLocation(file, j + 1, text[j].IndexOf(method, m.Index, StringComparison.Ordinal) + 1);
                    }
                }
            }
        }

        return typeOnly;
    }

    /// <summary>Splits a BenchmarkDotNet-style id ("Ns.Type&lt;T&gt;.Method(Size: 10)") into its type and method names.</summary>
    public static bool TryParse(string benchmarkId, out string type, out string method)
    {
        type = method = "";
        var name = benchmarkId;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        // Generic arguments may hold dots of their own ("Bench<System.Int32>"): drop them before splitting.
        string previous;
        do
        {
            previous = name;
            name = GenericArguments().Replace(name, "");
        }
        while (name != previous);

        var parts = name.Split('.');
        if (parts.Length < 2 || !Identifier().IsMatch(parts[^1]) || !Identifier().IsMatch(parts[^2]))
        {
            return false;
        }

        (type, method) = (parts[^2], parts[^1]);
        return true;
    }

    private string[]? Read(string file)
    {
        if (lines.TryGetValue(file, out var cached))
        {
            return cached;
        }

        string[]? text = null;
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length <= MaxFileBytes)
            {
                text = File.ReadAllLines(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable file only means the diagnostic points at the results file instead.
        }

        lines[file] = text;
        return text;
    }

    [GeneratedRegex("<[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex GenericArguments();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
