using System.Diagnostics;
using System.Globalization;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>A real, tiny file system (tmpfs) mounted in a temp folder, nearly full: writes to it fail with ENOSPC. Needs root, as the test machines run.</summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> at <paramref name="path"/>.</summary>
    public static SmallDisk Mount(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        var (code, error) = AsRoot("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k"), "tmpfs", path);
        Assert.True(code == 0, $"cannot mount a tmpfs (the disk-full tests need root or password-less sudo): {error}");
        return new SmallDisk(path);
    }

    /// <summary>Fills the disk with a filler file until only about <paramref name="kilobytesLeft"/> remain.</summary>
    public void FillLeaving(int kilobytesLeft)
    {
        var free = new DriveInfo(Path).AvailableFreeSpace - (kilobytesLeft * 1024L);
        using var filler = new FileStream(File("filler"), FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        for (long written = 0; written + block.Length <= free; written += block.Length)
        {
            filler.Write(block);
        }
    }

    public void Dispose() => AsRoot("umount", "-l", Path);

    // Root mounts directly (the test machines); anyone else through sudo, without a password prompt.
    private static (int Code, string Error) AsRoot(params string[] command) =>
        Environment.UserName == "root" ? Run(command[0], command[1..]) : Run("sudo", ["-n", .. command]);

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, error);
    }
}
