using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AfirGen.PerfGate.IO;

/// <summary>Writes files so that a reader, or a killed process, never sees a half-written one.</summary>
public static class AtomicFile
{
    // errno values (Linux; ENOSPC and EFBIG are the same on macOS) and Windows HRESULTs that mean "no room for this file".
    private const int NoSpace = 28;
    private const int TooLarge = 27;
    private const int QuotaExceeded = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="content"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
            stream.Write(bytes);
        });
    }

    /// <summary>
    /// Atomically replaces <paramref name="path"/> with what <paramref name="write"/> puts into the stream; I/O failures, a
    /// full disk among them, throw <see cref="RunFailedException"/>. A symbolic link is written through (its target is
    /// replaced atomically, the link stays); a device or FIFO is written to as it is (it is not a file to replace); a
    /// folder in the way is refused with <see cref="RunFailedException"/>, in one line.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Resolve(path);
        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw new RunFailedException($"cannot write {path}: it is a folder, not a file");
            case FileKind.Special:
                WriteThrough(path, full, write);
                return;
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        RemoveLeftovers(folder, name);
        // Same folder as the target: a rename within one file system is atomic, across file systems it is a copy.
        // The writer's process id is in the name, so that a later write can tell a killed writer's leftover from a live one's file.
        var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
        try
        {
            using (var stream = new NoRoomAsIOException(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                write(stream);
                stream.FlushToDisk();
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new RunFailedException($"cannot write {path}: {Describe(e, temp, full)}", e);
        }
        catch
        {
            // The caller's own failure propagates unchanged; only our temp file is cleaned up.
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The full path a write to <paramref name="path"/> lands on: the final target when it is a symbolic link.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is null)
            {
                return full;
            }

            // A dangling link still names where the file is to be: its target, relative to the link's folder.
            return info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Path.GetFullPath(target.FullName)
                : Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(full) ?? ".");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full; // a loop of links or an unreadable one: the write reports what is wrong
        }
    }

    /// <summary>Whether two paths name the same file once links are followed.</summary>
    public static bool SameFile(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    // A device (/dev/null, /dev/full), a FIFO or a socket is not replaced by a regular file: what is asked is written to it.
    private static void WriteThrough(string path, string full, Action<Stream> write)
    {
        try
        {
            using var stream = new NoRoomAsIOException(new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite));
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot write {path}: {Describe(e, full, full)}", e);
        }
    }

    private static string Describe(Exception e, string temp, string full)
    {
        // The temp file's name means nothing to the user: the message names the file they asked for, once, in the caller's words.
        var message = e.Message.Replace($" : '{temp}'", "", StringComparison.Ordinal).Replace(temp, full, StringComparison.Ordinal);
        return e.HResult is NoSpace or QuotaExceeded or TooLarge or WindowsDiskFull or WindowsHandleDiskFull
            ? $"the disk is full or the file is too large for it ({message})"
            : message;
    }

    /// <summary>Deletes the temp files that writers of <paramref name="name"/> left when they were killed: those whose process no longer runs.</summary>
    private static void RemoveLeftovers(string folder, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the write itself reports what is wrong with the folder
        }

        foreach (var file in candidates)
        {
            var parts = Path.GetFileName(file)[(name.Length + 2)..].Split('.');
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Runs(pid))
            {
                TryDelete(file);
            }
        }
    }

    private static bool Runs(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting, a stray temp file is not.
        }
    }

    /// <summary>
    /// The temp file's stream. When a write meets the file-size limit (EFBIG), .NET throws ArgumentOutOfRangeException as if
    /// the caller had asked for a bad length; here it becomes the I/O failure it is, so it is reported like a full disk.
    /// </summary>
    private sealed class NoRoomAsIOException(FileStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public void FlushToDisk() => Guard(() => inner.Flush(flushToDisk: true));

        public override void Flush() => Guard(inner.Flush);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw TooLargeFor(e);
            }
        }

        public override void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(in value));

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => Guard(() => inner.SetLength(value));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Closing flushes what is still buffered, which can meet the limit too.
                Guard(inner.Dispose);
            }

            base.Dispose(disposing);
        }

        private static void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw TooLargeFor(e);
            }
        }

        private static IOException TooLargeFor(ArgumentOutOfRangeException e) =>
            new("File too large", e) { HResult = TooLarge };
    }
}
