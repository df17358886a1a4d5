using System.CommandLine;
using System.CommandLine.Parsing;
using System.Numerics;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// The allowed values of a numeric setting, checked the same way whether it comes from its flag or from its config key:
/// a config value used to be cast without a check, so <c>seed: -1</c> became 2^64-1 and <c>threads: 4294967297</c> became 1.
/// </summary>
internal sealed record SettingRange(string Flag, string Key, BigInteger Min, BigInteger Max, string Why = "")
{
    public static readonly SettingRange Count = new("--num-records", "num_records", 1, long.MaxValue);
    public static readonly SettingRange Seed = new("--seed", "seed", 0, ulong.MaxValue);

    /// <summary>Up to two batches per thread are in memory at once: these bounds keep that to what a machine can hold.</summary>
    public static readonly SettingRange Threads = new("--threads", "threads", 1, 256, "it does not change the output; more threads than cores only costs memory");

    public static readonly SettingRange BatchSize = new("--batch-size", "batch_size", 1, 1024, $"it does not change the output; larger batches only cost memory, the default is {Runtime.Generation.PopulationGenerator.DefaultBatchSize}");

    /// <summary>The value of the flag when given, else of the config key when present, else the flag's default; checked either way.</summary>
    public BigInteger Resolve<T>(ParseResult parse, Option<T> option, ConfigFile? config) where T : INumberBase<T>
    {
        if (parse.GetResult(option) is { Implicit: false } || config?.Number(Key) is not { } configured)
        {
            var value = BigInteger.CreateChecked(parse.GetValue(option)!);
            if (value < Min || value > Max) throw new InputException($"error: {Flag} is {value}, {OutOfRange()}.");
            return value;
        }
        if (configured.Value < Min || configured.Value > Max)
        {
            throw config.ErrorAt(configured.Span, $"{Key} (--{Flag.TrimStart('-')}) is {configured.Value}, {OutOfRange()}");
        }
        return configured.Value;
    }

    private string OutOfRange() => $"out of range: use {Min} to {Max}" + (Why.Length > 0 ? $" ({Why})" : "");
}
