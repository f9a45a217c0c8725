using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Shapes.Benchmarks.Plain).Assembly).Run(args);
