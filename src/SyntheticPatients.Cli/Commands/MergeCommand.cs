using System.CommandLine;
using SyntheticPatients.Cli.Output;
using SyntheticPatients.Exporters;

namespace SyntheticPatients.Cli;

/// <summary>
/// <c>synthpatients merge &lt;shard folders&gt; -o &lt;folder&gt;</c>: joins the output folders of <c>generate --shard</c>
/// (or <c>--first-patient</c>) runs into the dataset of the whole run (docs/scale-out.md). Output as generate writes it:
/// staged, committed only when complete, under the folder's lock, foreign files refused unless --force.
/// </summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Shards = new("shard-dirs") { Description = "The output folders of the shards (any order; together they must hold patients 0 to n-1 once, generated with the same settings).", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> Output = new("--output-dir", "-o") { Description = "The merged dataset's folder, written like generate's (see generate --help, --output-dir).", Required = true };
    private static readonly Option<bool> Force = new("--force") { Description = "Write into an --output-dir that holds files synthpatients did not write (they are kept)." };

    public static Command Create()
    {
        var command = new Command("merge", "Join shard folders (generate --shard K/N or --first-patient) into one dataset: CSV tables, HL7 files, FHIR bundles and NDJSON and VistA globals with the bytes of the single run, Parquet as hive-style partitions parquet/<table>/shard=<i>/part.parquet, the dashboard rebuilt, the manifest recomputed.")
        {
            Shards, Output, Force,
        };
        command.SetAction(parse =>
        {
            var shards = ShardSet.Read(parse.GetValue(Shards)!);
            var target = Path.GetFullPath(parse.GetValue(Output)!);
            if (shards.Any(s => Path.GetFullPath(s.Folder).TrimEnd(Path.DirectorySeparatorChar) == target.TrimEnd(Path.DirectorySeparatorChar)))
            {
                throw new Generation.InputException($"error: --output-dir '{parse.GetValue(Output)}' is one of the shards: merge into a new folder.");
            }
            using var output = new OutputDirectory(parse.GetValue(Output)!, parse.GetValue(Force));
            var info = new DatasetMerger(shards, output.Staging).Merge();
            ManifestWriter.Write(output.Staging, info);
            output.Commit(ManifestWriter.FileName);
            Console.WriteLine($"{info.Patients} patients from {shards.Count} shards, {info.Files!.Count + 1} files -> {output.Target}");
            return 0;
        });
        return command;
    }
}
