using System.Runtime.InteropServices;

namespace AfirGen.PerfGate.IO;

/// <summary>What a path names, following symbolic links: a regular file, a folder, something else (a device, a FIFO, a socket), or nothing.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: not a file a user keeps.</summary>
    Special,
}

/// <summary>Tells the kinds of <see cref="FileKind"/> apart; .NET itself reports a device or a FIFO as an ordinary file.</summary>
internal static class FileKinds
{
    // st_mode's file-type bits (S_IFMT) and the two kinds that are not special.
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return Mode(path) is { } mode && (mode & TypeMask) != RegularType && (mode & TypeMask) != DirectoryType ? FileKind.Special : FileKind.Regular;
    }

    /// <summary>st_mode from stat(2) on Linux, where the layout of struct stat is known; null elsewhere or on failure.</summary>
    private static uint? Mode(string path)
    {
        // Offset of st_mode in struct stat: after st_dev, st_ino, st_nlink on x86-64; after st_dev, st_ino on the generic layout (arm64).
        int? offset = !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => null,
        };
        if (offset is not { } at)
        {
            return null;
        }

        var buffer = new byte[256];
        // The path as the C string the kernel takes: UTF-8, ended by a zero byte.
        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        return Stat(name, buffer) == 0 ? BitConverter.ToUInt32(buffer, at) : null;
    }

    // DllImport rather than LibraryImport: the generated form needs unsafe code in the whole assembly for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "stat", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] path, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
