using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --filter '*'          (quick run)
// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --filter '*' --full   (default BenchmarkDotNet job)
if (args.Contains("--stages"))
{
    Engage.Codegen.Benchmarks.Stages.Run();
    return;
}

var full = args.Contains("--full");
var config = DefaultConfig.Instance;
if (!full)
{
    // The quick run: in-process, few iterations; enough for ratios against the baselines measured in the same run.
    config = config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Engage.Codegen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args.Where(a => a != "--full").ToArray(), config);
