using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --filter '*'          (quick run)
// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --filter '*' --full   (default BenchmarkDotNet job)
// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --stages [--dump DIR] (time per stage; DIR gets the generated files)
// dotnet run -c Release --project tests/Engage.Codegen.Benchmarks -- --allocations          (bytes per stage, and by type, sampled)
if (args.Contains("--stages"))
{
    var dump = Array.IndexOf(args, "--dump");
    Engage.Codegen.Benchmarks.Stages.Run(dump >= 0 && dump + 1 < args.Length ? args[dump + 1] : null);
    return;
}

if (args.Contains("--allocations"))
{
    // Where each stage's allocations go, by type (sampled): see AllocationSampler.
    Engage.Codegen.Benchmarks.AllocationSampler.Run();
    return;
}

if (args.Contains("--loop"))
{
    // For a sampling profiler (perf with DOTNET_PerfMapEnabled=1): the three stages, over and over.
    // `--loop driver`: full generations through Roslyn's driver instead; `--loop refit`: Refit's generator on the same operations;
    // `--loop parse`, `--loop infer`, `--loop emit`: one stage alone.
    var loop = new Engage.Codegen.Benchmarks.StageBenchmarks();
    loop.Setup();
    var generator = new Engage.Codegen.Benchmarks.GeneratorBenchmarks { DocSet = "synthetic-1000" };
    generator.Setup();
    var driver = args.Contains("driver");
    var refit = args.Contains("refit");
    var parse = args.Contains("parse");
    var infer = args.Contains("infer");
    var emit = args.Contains("emit");
    var until = DateTime.UtcNow.AddSeconds(20);
    var rounds = 0;
    while (DateTime.UtcNow < until)
    {
        _ = refit ? generator.RefitGeneration() : driver ? generator.FullGeneration() : parse ? loop.Parse() : infer ? loop.Infer() : emit ? loop.Emit()
            : loop.AllStages();
        rounds++;
    }

    Console.WriteLine($"{rounds} rounds in 20 s: {20_000.0 / rounds:F1} ms each");
    return;
}

var full = args.Contains("--full");
// Parameter values are whole sentences in BuildCostPartsBenchmarks: print them whole.
var config = DefaultConfig.Instance.WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(80));
if (!full)
{
    // The quick run: in-process, few iterations; enough for ratios against the baselines measured in the same run.
    config = config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(4)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)).WithId("Quick"));
    // The build-cost benchmarks take seconds per operation, where an in-process job on a shared
    // machine is not to be trusted (the first case pays for compiling Roslyn, neighbours steal CPU):
    // they run with --full only, out of process, as the README's commands say.
    config = config.AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(c =>
        c.Descriptor.Type != typeof(Engage.Codegen.Benchmarks.BuildCostBenchmarks) && c.Descriptor.Type != typeof(Engage.Codegen.Benchmarks.BuildCostPartsBenchmarks)));
    if (args.Any(a => a.Contains("BuildCost", StringComparison.Ordinal)))
    {
        Console.WriteLine("The build-cost benchmarks run with --full only (see README.md beside this project).");
    }
}

BenchmarkSwitcher.FromAssembly(typeof(Engage.Codegen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args.Where(a => a != "--full").ToArray(), config);
