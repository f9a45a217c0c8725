namespace AfirGen.PerfGate.Config;

/// <summary>Resolves a path written in perfgate.json against the config file's folder, reporting a path the OS cannot accept as bad input.</summary>
internal static class ConfigPath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string baseDirectory, string relative, string source, string field)
    {
        // Path APIs throw ArgumentException for these, which would surface as an internal error rather than a named field.
        if (relative.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) is var at and >= 0)
        {
            throw new InputException(source, field, $"the path holds a character no file name can have (U+{(int)relative[at]:X4})");
        }

        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(source, field, $"not a usable path: {e.Message}", e);
        }
    }
}
