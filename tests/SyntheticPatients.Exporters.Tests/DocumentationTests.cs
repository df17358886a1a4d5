namespace SyntheticPatients.Exporters.Tests;

/// <summary>docs/outputs.md describes every table and column the exporters write, in order.</summary>
public class DocumentationTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyntheticPatients.sln"))) return Path.Combine(dir.FullName, relative);
        }
        throw new InvalidOperationException("Repository root not found.");
    }

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
        ColumnType.Id => "UUID",
        ColumnType.Timestamp => "timestamp",
        ColumnType.Date => "date",
        ColumnType.Money => "money",
        ColumnType.Number => "number",
        ColumnType.Integer => "integer",
        ColumnType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    [Fact]
    public void Outputs_page_lists_every_table_and_column()
    {
        var lines = File.ReadAllLines(RepositoryFile("docs/outputs.md"));
        foreach (var table in Tables.All)
        {
            int heading = Array.IndexOf(lines, "### " + table.Name);
            Assert.True(heading >= 0, $"docs/outputs.md has no '### {table.Name}' section.");
            var rows = lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith("| column |", StringComparison.Ordinal)).Skip(2)
                .TakeWhile(l => l.StartsWith('|')).ToList();
            var expected = table.Columns.Select(c => $"| {c.Name} | {TypeName(c.Type)} | {c.Description} |").ToList();
            Assert.Equal(expected, rows);
        }
        Assert.Contains("## manifest.json", lines);
        Assert.Contains("## Directory layout", lines);
    }
}
