namespace AfirGen.PerfGate.History;

/// <summary>Where the history lives: a folder, or a git branch of the repository (<c>git:BRANCH</c>).</summary>
public abstract class HistoryStore
{
    /// <summary>The file in a store's root that marks it as one.</summary>
    public const string MarkerFile = "perfgate-history.json";

    /// <summary>The folder of the store that holds the entries.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The file of the store that holds the acknowledged changes.</summary>
    public const string AcknowledgedFile = "acknowledged.json";

    /// <summary>The marker's content.</summary>
    protected static readonly byte[] Marker = "{\"schema\":\"perfgate/history@1\"}\n"u8.ToArray();

    /// <summary>The store as the user named it.</summary>
    public abstract string Name { get; }

    /// <summary>Every entry, oldest first.</summary>
    public abstract IReadOnlyList<HistoryEntry> Entries();

    /// <summary>The changes acknowledged in the store.</summary>
    public abstract IReadOnlyList<Acknowledgement> Acknowledgements();

    /// <summary>Adds an entry and its run's full results (gzip-compressed results.json); safe when several add at once.</summary>
    public abstract void Add(HistoryEntry entry, byte[] compressedResults);

    /// <summary>Records an acknowledged change.</summary>
    public abstract void Acknowledge(Acknowledgement acknowledgement);

    /// <summary>Removes all but the newest <paramref name="keep"/> entries; returns how many it removed.</summary>
    public abstract int Thin(int keep);

    /// <summary>Opens the store named <paramref name="spec"/>: <c>git:BRANCH</c> for a branch of the repository at <paramref name="repository"/>, else a folder.</summary>
    public static HistoryStore Open(string spec, string? repository = null, string? remote = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        if (spec.StartsWith("git:", StringComparison.Ordinal))
        {
            return new GitHistoryStore(spec["git:".Length..], repository ?? Environment.CurrentDirectory, remote);
        }

        return remote is null ? new FolderHistoryStore(spec) : throw new InputException(spec, null, "--remote applies only to a git store (git:BRANCH)");
    }

    /// <summary>The file name of an entry's results beside its entry file.</summary>
    public static string ResultsFileName(string id) => id + ".results.json.gz";

    /// <summary>Entries in store order: by time, then by id.</summary>
    protected static IReadOnlyList<HistoryEntry> Ordered(IEnumerable<HistoryEntry> entries) =>
        entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
}
