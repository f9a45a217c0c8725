using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AfirGen.Backend.Benchmarks.DraftBenchmarks).Assembly).Run(args);
