using Xunit;
namespace SyntheticPatients.Cli.Tests.Schemas;

/// <summary>Every module and scenario the compiler accepts validates against the generated schemas, and names them.</summary>
public class LibraryValidatesTests
{
    [Fact]
    public void Every_library_module_validates() => AssertAllValid(Repository.PathOf("modules"), SchemaValidator.ModuleErrors, minimum: 50);

    [Fact]
    public void Every_library_scenario_validates() => AssertAllValid(Repository.PathOf("scenarios"), SchemaValidator.ScenarioErrors, minimum: 5);

    /// <summary>The seed's own dialect (inferred condition types, distributed_transition with 'transition'/'distribution', ...).</summary>
    [Fact]
    public void Every_seed_original_module_validates() => AssertAllValid(Repository.SeedModules, SchemaValidator.ModuleErrors, minimum: 61);

    [Theory]
    [InlineData("modules", "module.schema.json")]
    [InlineData("scenarios", "scenario.schema.json")]
    public void Every_library_file_names_its_schema_on_its_first_line(string folder, string schema)
    {
        var root = Repository.PathOf(folder);
        var wrong = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (Path: path, Expected: FirstLine(Path.GetRelativePath(Path.GetDirectoryName(path)!, Repository.PathOf("schemas", schema)))))
            .Where(file => File.ReadLines(file.Path).FirstOrDefault() != file.Expected)
            .Select(file => $"{Path.GetRelativePath(root, file.Path)} (expected '{file.Expected}')")
            .ToList();
        Assert.True(wrong.Count == 0, "First line does not name the schema in: " + string.Join(", ", wrong));
    }

    private static string FirstLine(string relativeSchemaPath) => "# yaml-language-server: $schema=" + relativeSchemaPath.Replace('\\', '/');

    private static void AssertAllValid(string folder, Func<string, IReadOnlyList<string>> errorsOf, int minimum)
    {
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= minimum, $"{folder}: {files.Count} files, expected at least {minimum}");
        var failures = files
            .Select(path => (File: Path.GetRelativePath(folder, path), Errors: errorsOf(File.ReadAllText(path))))
            .Where(result => result.Errors.Count > 0)
            .Select(result => result.File + ":\n  " + string.Join("\n  ", result.Errors.Take(8)))
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
