using BenchmarkDotNet.Running;

namespace SyntheticPatients.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--check")
        {
            // Quick self-check without BenchmarkDotNet: both writers produce the same bytes.
            new CsvWriterBenchmarks { Rows = 10_000 }.Setup();
            Console.WriteLine("CsvHelper and Sylvan outputs are identical.");
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
