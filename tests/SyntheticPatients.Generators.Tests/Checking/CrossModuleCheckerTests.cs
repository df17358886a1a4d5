using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Checking;

public class CrossModuleCheckerTests
{
    private static ModuleSummary Summary(
        string name,
        string? path = null,
        string[]? sets = null,
        (string Name, int Line)[]? reads = null,
        (string Name, int Line)[]? calls = null)
        => new(
            name,
            path ?? $"/repo/modules/{name}.yaml",
            new SourceSpan(1, 7, 1, 7 + name.Length),
            (sets ?? Array.Empty<string>()).ToEquatableArray(),
            (reads ?? Array.Empty<(string, int)>()).Select(r => new AttributeTarget(r.Name, new SourceSpan(r.Line, 22, r.Line, 22 + r.Name.Length))).ToEquatableArray(),
            (calls ?? Array.Empty<(string, int)>()).Select(c => new AttributeTarget(c.Name, new SourceSpan(c.Line, 13, c.Line, 13 + c.Name.Length))).ToEquatableArray());

    [Fact]
    public void Consistent_modules_have_no_diagnostics()
    {
        var modules = new[]
        {
            Summary("type2_diabetes_management", sets: new[] { "diabetes_condition_id" }, calls: new[] { ("diabetes_glucose_titration", 40) }),
            Summary("diabetes_glucose_titration", reads: new[] { ("diabetes_condition_id", 12) }),
        };
        Assert.Empty(CrossModuleChecker.Check(modules));
    }

    [Fact]
    public void Duplicate_module_name_is_reported_at_the_second_module_by_path()
    {
        var first = Summary("asthma", "/repo/modules/asthma.yaml");
        var second = Summary("asthma", "/repo/modules/respiratory/asthma_copy.yaml");
        foreach (var input in new[] { new[] { first, second }, new[] { second, first } })
        {
            var diagnostic = Assert.Single(CrossModuleChecker.Check(input));
            Assert.Equal("SPM0018", diagnostic.Id);
            Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
            Assert.Equal(second.FilePath, diagnostic.FilePath);
            Assert.Equal(second.NameSpan, diagnostic.Span);
            Assert.Equal("Module name 'asthma' is also used by modules/asthma.yaml (line 1). Module names must be unique.", diagnostic.Message);
        }
    }

    [Fact]
    public void Unknown_submodule_is_reported_at_the_call_with_a_suggestion()
    {
        var caller = Summary("caller", calls: new[] { ("diabetes_glucose_titraton", 30), ("helper", 31) });
        var diagnostics = CrossModuleChecker.Check(new[] { caller, Summary("helper"), Summary("diabetes_glucose_titration") }).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SPM0014", diagnostic.Id);
        Assert.Equal(caller.FilePath, diagnostic.FilePath);
        Assert.Equal(caller.SubmoduleCalls[0].Span, diagnostic.Span);
        Assert.Equal("diabetes_glucose_titraton", diagnostic.Arguments[0]);
        Assert.Contains("(did you mean 'diabetes_glucose_titration'?)", diagnostic.Message);
    }

    [Fact]
    public void Attribute_read_but_never_set_is_a_warning_at_each_read()
    {
        var reader = Summary("reader", sets: new[] { "smoker" }, reads: new[] { ("smoker", 10), ("atopic", 20), ("atopic", 25) });
        var diagnostics = CrossModuleChecker.Check(new[] { reader }).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SPM0013", d.Id);
            Assert.Equal(DiagnosticLevel.Warning, d.Level);
            Assert.Equal("atopic", d.Arguments[0]);
        });
        Assert.Equal(new[] { 20, 25 }, diagnostics.Select(d => d.Span.Line));
    }

    [Fact]
    public void An_attribute_set_by_another_module_counts()
    {
        var modules = new[]
        {
            Summary("setter", sets: new[] { "oxygen_candidate" }),
            Summary("reader", reads: new[] { ("oxygen_candidate", 9) }),
        };
        Assert.Empty(CrossModuleChecker.Check(modules));
    }

    [Fact]
    public void Attribute_names_are_case_sensitive()
    {
        var modules = new[] { Summary("m", sets: new[] { "Smoker" }, reads: new[] { ("smoker", 9) }) };
        Assert.Equal("SPM0013", Assert.Single(CrossModuleChecker.Check(modules)).Id);
    }

    [Fact]
    public void Output_is_sorted_by_path_line_and_column_whatever_the_input_order()
    {
        var b = Summary("b", "/repo/modules/b.yaml", reads: new[] { ("x", 30), ("y", 5) }, calls: new[] { ("missing", 12) });
        var a = Summary("a", "/repo/modules/a.yaml", reads: new[] { ("z", 50) });
        var a2 = Summary("a", "/repo/modules/c.yaml");
        var expected = new[] { "a.yaml:50:SPM0013", "b.yaml:5:SPM0013", "b.yaml:12:SPM0014", "b.yaml:30:SPM0013", "c.yaml:1:SPM0018" };
        foreach (var input in new[] { new[] { a, b, a2 }, new[] { a2, b, a }, new[] { b, a2, a } })
        {
            var rendered = CrossModuleChecker.Check(input)
                .Select(d => $"{Path.GetFileName(d.FilePath)}:{d.Span.Line}:{d.Id}");
            Assert.Equal(expected, rendered);
        }
    }

    [Fact]
    public void No_modules_no_diagnostics() => Assert.Empty(CrossModuleChecker.Check(Array.Empty<ModuleSummary>()));
}
