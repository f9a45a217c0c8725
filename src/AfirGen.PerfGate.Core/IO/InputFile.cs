using System.Globalization;
using System.Text;

namespace AfirGen.PerfGate.IO;

/// <summary>
/// Reads what a user gives as input only from regular files of a sane size: a symlink to /dev/zero, a FIFO or a
/// 10 GB file is one clear line (exit 2), not an out-of-memory error or a read that never ends.
/// </summary>
public static class InputFile
{
    /// <summary>The largest input read, in bytes (a 10,000-benchmark results file is about 17 MB).</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>The bytes of <paramref name="path"/>; anything but a readable regular file within <see cref="MaxBytes"/> throws <see cref="InputException"/> naming <paramref name="field"/>.</summary>
    public static byte[] ReadBytes(string path, string? field = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                throw new InputException(path, field, "file not found");
            case FileKind.Directory:
                throw new InputException(path, field, "is a directory, expected a file");
            case FileKind.Special:
                // Checked without opening it: opening a FIFO blocks until someone writes to it.
                throw new InputException(path, field, "is not a regular file (a device, a pipe or a socket); expected a file");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new InputException(path, field, string.Create(CultureInfo.InvariantCulture,
                    $"is {length / (1024 * 1024)} MB; at most {MaxBytes / (1024 * 1024)} MB is read"));
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, field, $"cannot read: {e.Message}", e);
        }
    }

    /// <summary>The lines of <paramref name="path"/> (UTF-8), with the same checks as <see cref="ReadBytes"/>.</summary>
    public static string[] ReadLines(string path, string? field = null) =>
        Encoding.UTF8.GetString(ReadBytes(path, field)).TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
}
