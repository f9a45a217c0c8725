using System.Text;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Fuzz;

/// <summary>One fuzz target per reader: each feeds the input to the reader's public entry point and enforces the contract.</summary>
/// <remarks>
/// The contract: a reader either returns a value or throws <see cref="InputException"/> (the CLI's exit code 2).
/// Any other exception escapes, and afl-fuzz records the input as a crash. What a results reader accepts must
/// also survive the results@1 writer and read back, since `run` and `baseline save` write what they read.
/// </remarks>
internal static class ReaderTargets
{
    // Decoding never throws: invalid UTF-8 becomes U+FFFD, as it would for a caller that decoded the text itself.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The targets by the name scripts/fuzz.sh takes.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["results"] = Results,
        ["bdn"] = BenchmarkDotNet,
        ["config"] = Config,
        ["threshold"] = ThresholdExpression,
        ["loader"] = Loader,
    };

    /// <summary>Reads the whole input afl-fuzz hands over.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Results(byte[] input) =>
        AcceptInputErrors(() => RoundTrip(ResultsJson.Parse(Utf8.GetString(input), "fuzz-results.json")));

    private static void BenchmarkDotNet(byte[] input) =>
        AcceptInputErrors(() => RoundTrip(BenchmarkDotNetReader.Parse(Utf8.GetString(input), "Fuzz-report-full.json")));

    private static void Config(byte[] input) =>
        AcceptInputErrors(() => ConfigReader.Parse(input, Path.Combine(Path.GetTempPath(), "perfgate-fuzz", "perfgate.json")));

    private static void ThresholdExpression(byte[] input)
    {
        var text = Utf8.GetString(input);
        AcceptInputErrors(() => Reparse(Threshold.ParseShorthand(text, "--threshold")));
        AcceptInputErrors(() => Reparse(Threshold.Parse(text, "perfgate.json", "$.defaults.thresholds[0]")));
    }

    private static void Loader(byte[] input)
    {
        // The loader only takes a path: the input goes to a file of this process's own.
        File.WriteAllBytes(LoaderInput.Value, input);
        AcceptInputErrors(() => RoundTrip(ResultLoader.Load(LoaderInput.Value)));
    }

    private static readonly Lazy<string> LoaderInput = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("perfgate-fuzz-");
        return Path.Combine(directory.FullName, "input.json");
    });

    private static void AcceptInputErrors(Action read)
    {
        try
        {
            read();
        }
        catch (InputException)
        {
            // Bad input reported as bad input: the contract holds.
        }
    }

    private static void RoundTrip(ResultSet results)
    {
        var json = ResultsJson.Serialize(results);
        try
        {
            ResultsJson.Parse(json, "written.json");
        }
        catch (InputException e)
        {
            throw new ContractViolationException("results accepted by a reader were written as results@1 that the reader rejects", e);
        }
    }

    private static void Reparse(Threshold threshold)
    {
        Threshold again;
        try
        {
            again = Threshold.Parse(threshold.Text, "reparse");
        }
        catch (InputException e)
        {
            throw new ContractViolationException($"accepted threshold '{threshold.Text}' does not parse again from its own text", e);
        }

        if (again.Metric != threshold.Metric || again.Operator != threshold.Operator || !again.Value.Equals(threshold.Value))
        {
            throw new ContractViolationException($"threshold '{threshold.Text}' parses again as a different threshold");
        }
    }
}
