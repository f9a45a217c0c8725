using System.Text;

namespace AfirGen.PerfGate.History;

/// <summary>
/// A history store on a git branch of the repository (a data branch, as gh-pages is for github-action-benchmark). Each
/// change is one commit made with git's plumbing in a private index, so the work tree and the user's index are never
/// touched; the branch moves by compare-and-swap, so appends that race retry on the new tip instead of losing one.
/// With a remote, each change is made on the remote's tip and pushed without force, retried when another job pushed first.
/// </summary>
public sealed class GitHistoryStore : HistoryStore
{
    private const int Attempts = 20;
    private readonly string _branch;
    private readonly string _repository;
    private readonly string? _remote;
    private readonly GitCommand _git;

    /// <summary>Opens branch <paramref name="branch"/> of the repository at <paramref name="repository"/>, optionally kept on <paramref name="remote"/>.</summary>
    public GitHistoryStore(string branch, string repository, string? remote)
    {
        if (string.IsNullOrWhiteSpace(branch) || branch.StartsWith('-') || branch.Contains("..", StringComparison.Ordinal) || branch.Any(c => char.IsWhiteSpace(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\'))
        {
            throw new InputException("git:" + branch, null, "is not a usable branch name");
        }

        if (remote is not null && (remote.Length == 0 || remote.StartsWith('-')))
        {
            throw new InputException(remote, null, "is not a usable remote name");
        }

        if (!Directory.Exists(repository))
        {
            throw new InputException(repository, null, "no such folder");
        }

        (_branch, _repository, _remote) = (branch, repository, remote);
        _git = new GitCommand(repository);
        if (_git.TryRun(null, "rev-parse", "--git-dir").Code != 0)
        {
            throw new InputException(repository, null, $"is not in a git repository, so git:{branch} cannot be its history store");
        }
    }

    /// <inheritdoc />
    public override string Name => "git:" + _branch;

    private string Ref => "refs/heads/" + _branch;

    /// <inheritdoc />
    public override IReadOnlyList<HistoryEntry> Entries() =>
        EntriesAt(Tip(fetch: true) ?? throw new InputException(Name, null, $"no such branch in {_repository}: nothing has been added to this store yet"));

    private IReadOnlyList<HistoryEntry> EntriesAt(string tip)
    {
        var names = Encoding.UTF8.GetString(_git.Run("ls-tree", "-r", "-z", "--name-only", tip, "--", RunsFolder + "/"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(n => n.EndsWith(".json", StringComparison.Ordinal))
            .ToArray();
        if (names.Length == 0)
        {
            return [];
        }

        var request = Encoding.UTF8.GetBytes(string.Concat(names.Select(n => tip + ":" + n + "\n")));
        var output = _git.Run(request, "cat-file", "--batch");
        var entries = new List<HistoryEntry>(names.Length);
        var at = 0;
        foreach (var name in names)
        {
            // Each object comes back as "<sha> blob <size>\n<content>\n".
            var header = Array.IndexOf(output, (byte)'\n', at);
            var fields = Encoding.ASCII.GetString(output, at, header - at).Split(' ');
            if (fields.Length != 3 || !int.TryParse(fields[2], out var size))
            {
                throw new RunFailedException($"git cat-file gave an unexpected answer for {name} in {Name}");
            }

            entries.Add(HistoryJson.Read(output.AsMemory(header + 1, size), $"{Name}:{name}"));
            at = header + 1 + size + 1;
        }

        return Ordered(entries);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Acknowledgement> Acknowledgements() => Tip(fetch: true) is { } tip ? AcknowledgementsAt(tip) : [];

    /// <inheritdoc />
    public override void Add(HistoryEntry entry, byte[] compressedResults)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var results = Blob(compressedResults);
        var file = Blob(HistoryJson.Write(entry));
        var marker = Blob(Marker);
        Change($"perfgate history: add {entry.Id}", (index, _) =>
        {
            index.Run("update-index", "--add", "--cacheinfo", $"100644,{marker},{MarkerFile}");
            index.Run("update-index", "--add", "--cacheinfo", $"100644,{results},{RunsFolder}/{ResultsFileName(entry.Id)}");
            index.Run("update-index", "--add", "--cacheinfo", $"100644,{file},{RunsFolder}/{entry.Id}.json");
            return true;
        });
    }

    /// <inheritdoc />
    public override void Acknowledge(Acknowledgement acknowledgement)
    {
        Change($"perfgate history: acknowledge {acknowledgement.Metric.Name()} of {acknowledgement.Benchmark} at {acknowledgement.Commit}", (index, tip) =>
        {
            var all = (tip is null ? [] : AcknowledgementsAt(tip)).Append(acknowledgement).Distinct().ToArray();
            index.Run("update-index", "--add", "--cacheinfo", $"100644,{Blob(HistoryJson.WriteAcknowledgements(all))},{AcknowledgedFile}");
            return true;
        });
    }

    /// <inheritdoc />
    public override int Thin(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var removed = 0;
        Change($"perfgate history: keep the newest {keep} entries", (index, tip) =>
        {
            var entries = tip is null ? [] : EntriesAt(tip);
            var old = entries.Take(Math.Max(entries.Count - keep, 0)).ToArray();
            foreach (var e in old)
            {
                index.Run("update-index", "--force-remove", $"{RunsFolder}/{e.Id}.json", $"{RunsFolder}/{ResultsFileName(e.Id)}");
            }

            removed = old.Length;
            return old.Length > 0;
        });
        return removed;
    }

    private IReadOnlyList<Acknowledgement> AcknowledgementsAt(string tip)
    {
        var (code, output, _) = _git.TryRun(null, "cat-file", "blob", tip + ":" + AcknowledgedFile);
        return code == 0 ? HistoryJson.ReadAcknowledgements(output, $"{Name}:{AcknowledgedFile}") : [];
    }

    private string Blob(byte[] content) => Encoding.ASCII.GetString(_git.Run(content, "hash-object", "-w", "--stdin")).Trim();

    // The branch's tip: the remote's when there is one (fetched into our branch first), else the local branch's.
    private string? Tip(bool fetch)
    {
        for (var attempt = 1; fetch && _remote is not null; attempt++)
        {
            // An empty refmap: only our branch is written, not the remote-tracking refs that parallel fetches race on.
            var (code, _, error) = _git.TryRun(null, "fetch", "--quiet", "--no-tags", "--refmap=", _remote, $"+{Ref}:{Ref}");
            if (code == 0 || error.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            // Two jobs fetching into one checkout at once: one waits for the other's lock.
            if (attempt == Attempts || !error.Contains("cannot lock ref", StringComparison.OrdinalIgnoreCase))
            {
                throw new RunFailedException($"git fetch {_remote} {_branch} failed: {error.Trim().Split('\n')[^1]}");
            }

            Thread.Sleep(Random.Shared.Next(20, 200));
        }

        var (found, output, _) = _git.TryRun(null, "rev-parse", "--verify", "--quiet", Ref + "^{commit}");
        return found == 0 ? Encoding.ASCII.GetString(output).Trim() : null;
    }

    // One commit on the branch: build the tree in a private index from the tip, commit, and move the branch only if it
    // still points at that tip; when another writer moved it first, start again from the new tip.
    private void Change(string message, Func<GitCommand, string?, bool> edit)
    {
        var indexFile = Path.Combine(Path.GetTempPath(), $"perfgate-index-{Guid.NewGuid():N}");
        var index = new GitCommand(_repository) { IndexFile = indexFile };
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var tip = Tip(fetch: true);
                File.Delete(indexFile);
                if (tip is null)
                {
                    index.Run("read-tree", "--empty");
                }
                else
                {
                    index.Run("read-tree", tip);
                }

                if (!edit(index, tip))
                {
                    return;
                }

                var tree = index.Text("write-tree");
                var commit = tip is null ? _git.Text("commit-tree", tree, "-m", message) : _git.Text("commit-tree", tree, "-p", tip, "-m", message);
                if (Publish(commit, tip))
                {
                    return;
                }

                if (attempt == Attempts)
                {
                    throw new RunFailedException($"could not add to {Name}: {Attempts} attempts each lost the race to another writer");
                }

                Thread.Sleep(Random.Shared.Next(20, 100 * Math.Min(attempt, 10)));
            }
        }
        finally
        {
            File.Delete(indexFile);
        }
    }

    private bool Publish(string commit, string? tip)
    {
        if (_remote is not null)
        {
            // Without force: the push fails when another job pushed first, and the change is made again on the new tip.
            var (code, _, _) = _git.TryRun(null, "push", "--quiet", _remote, $"{commit}:{Ref}");
            if (code != 0)
            {
                return false;
            }
        }

        return _git.TryRun(null, "update-ref", Ref, commit, tip ?? new string('0', 40)).Code == 0 || _remote is not null;
    }
}
