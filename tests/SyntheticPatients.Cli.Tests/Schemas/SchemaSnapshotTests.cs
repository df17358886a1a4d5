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
    public void Schema_command_writes_both_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), "synthpatients-schema-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = SchemaFiles.Write(folder);
            Assert.Equal(2, paths.Count);
            foreach (var (name, text) in SchemaFiles.Generate())
            {
                Assert.Equal(text, File.ReadAllText(Path.Combine(folder, name)));
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
