using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.History;

/// <summary>A history store in a folder: one file per entry, written atomically under a unique name, so that appends never collide.</summary>
public sealed class FolderHistoryStore(string folder) : HistoryStore
{
    /// <inheritdoc />
    public override string Name => folder;

    private string Runs => Path.Combine(folder, RunsFolder);

    /// <inheritdoc />
    public override IReadOnlyList<HistoryEntry> Entries()
    {
        Check();
        if (!Directory.Exists(Runs))
        {
            return [];
        }

        var entries = new List<HistoryEntry>();
        foreach (var file in Directory.EnumerateFiles(Runs, "*.json"))
        {
            // Temporary files of a write in progress start with a dot.
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                entries.Add(HistoryJson.Read(InputFile.ReadBytes(file), file));
            }
        }

        return Ordered(entries);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Acknowledgement> Acknowledgements()
    {
        Check();
        var file = Path.Combine(folder, AcknowledgedFile);
        return File.Exists(file) ? HistoryJson.ReadAcknowledgements(InputFile.ReadBytes(file), file) : [];
    }

    /// <inheritdoc />
    public override void Add(HistoryEntry entry, byte[] compressedResults)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(compressedResults);
        Create();
        // The results first: an entry file is only ever seen with its results beside it.
        AtomicFile.Write(Path.Combine(Runs, ResultsFileName(entry.Id)), s => s.Write(compressedResults));
        AtomicFile.Write(Path.Combine(Runs, entry.Id + ".json"), s => s.Write(HistoryJson.Write(entry)));
    }

    /// <inheritdoc />
    public override void Acknowledge(Acknowledgement acknowledgement)
    {
        Create();
        using var guard = Lock();
        var all = Acknowledgements().Append(acknowledgement).Distinct().ToArray();
        AtomicFile.Write(Path.Combine(folder, AcknowledgedFile), s => s.Write(HistoryJson.WriteAcknowledgements(all)));
    }

    /// <inheritdoc />
    public override int Thin(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        using var guard = Lock();
        var entries = Entries();
        var removed = 0;
        foreach (var old in entries.Take(Math.Max(entries.Count - keep, 0)))
        {
            // The entry file first: a reader never finds an entry whose results are gone.
            File.Delete(Path.Combine(Runs, old.Id + ".json"));
            File.Delete(Path.Combine(Runs, ResultsFileName(old.Id)));
            removed++;
        }

        return removed;
    }

    private void Check()
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, null, "no such history store (a folder made by 'perfgate history add')");
        }

        if (!File.Exists(Path.Combine(folder, MarkerFile)) && HasOthersFiles())
        {
            throw new InputException(folder, null, $"is not a perfgate history store: it has no {MarkerFile}");
        }
    }

    // Anything but a store's own files and the temporary files of a write in progress, which start with a dot.
    private bool HasOthersFiles() =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Any(n => n is not null && !n.StartsWith('.') && n != RunsFolder);

    private void Create()
    {
        if (File.Exists(folder))
        {
            throw new InputException(folder, null, "is a file; a history store is a folder");
        }

        var marker = Path.Combine(folder, MarkerFile);
        if (Directory.Exists(folder) && !File.Exists(marker) && HasOthersFiles())
        {
            throw new InputException(folder, null, $"is not a perfgate history store: it has files but no {MarkerFile}; give an empty or new folder");
        }

        try
        {
            // The marker before the runs folder: a store that has entries always has its marker.
            Directory.CreateDirectory(folder);
            if (!File.Exists(marker))
            {
                AtomicFile.Write(marker, s => s.Write(Marker));
            }

            Directory.CreateDirectory(Runs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot create history store {folder}: {e.Message}", e);
        }
    }

    // Read-modify-write of the store's shared files (acknowledgements, thinning) is serialised by an exclusive lock file.
    private FileStream Lock()
    {
        var path = Path.Combine(folder, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(50);
            }
        }
    }
}
