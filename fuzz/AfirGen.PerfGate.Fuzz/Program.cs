using AfirGen.PerfGate.Fuzz;
using SharpFuzz;

// Usage: AfirGen.PerfGate.Fuzz READER                    (under afl-fuzz, input on stdin)
//        AfirGen.PerfGate.Fuzz READER --replay PATH...   (each file, or each file of each folder, once)
if (args.Length == 0 || !ReaderTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: AfirGen.PerfGate.Fuzz {string.Join('|', ReaderTargets.All.Keys)} [--replay PATH...]");
    return 2;
}

if (args.Length > 1 && args[1] == "--replay")
{
    return Replay.Run(args[0], target, args[2..], Console.Out);
}

Fuzzer.Run(stream => target(ReaderTargets.ReadAll(stream)));
return 0;
