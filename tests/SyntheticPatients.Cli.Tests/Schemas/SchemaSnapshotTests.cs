using Xunit;
using SyntheticPatients.Cli.Schemas;

namespace SyntheticPatients.Cli.Tests.Schemas;

/// <summary>The committed schemas/ are what the language's tables generate today (regenerate: synthpatients modules schema -o schemas).</summary>
public class SchemaSnapshotTests
{
    [Fact]
    public void Committed_schemas_equal_a_fresh_generation()
    {
        var files = SchemaFiles.Generate();
        Assert.Equal(new[] { "module.schema.json", "scenario.schema.json" }, files.Select(f => f.Key));
        foreach (var (name, text) in files)
        {
            var committed = File.ReadAllText(Repository.PathOf("schemas", name)).Replace("\r\n", "\n");
            Assert.True(committed == text, $"schemas/{name} is stale: run 'synthpatients modules schema -o schemas' and commit the result.");
        }
    }

    [Fact]
    public void Both_schemas_are_valid_draft_2020_12_schemas()
    {
        foreach (var (name, text) in SchemaFiles.Generate())
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            var results = Json.Schema.MetaSchemas.Draft202012.Evaluate(document.RootElement,
                new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
            Assert.True(results.IsValid, $"{name} is not a valid draft 2020-12 schema: "
                + string.Join("; ", (results.Details ?? new List<Json.Schema.EvaluationResults>()).Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Fact]
    public void The_schema_command_writes_both_files_into_the_output_folder()
    {
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "schemas");

        var result = CliRunner.Run(work, "modules", "schema", "--output", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var (name, text) in SchemaFiles.Generate())
        {
            Assert.Contains(Path.Combine(output, name), result.Stdout);
            Assert.Equal(text, File.ReadAllText(Path.Combine(output, name)));
        }
    }
}
