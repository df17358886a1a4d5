using SyntheticPatients.Generated;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>Loading modules at run time: diagnostics, attribute slots, call resolution, replacement, data folders.</summary>
public sealed class RuntimeModuleLoaderTests : IDisposable
{
    private const string NewModule = """
        name: runtime_note
        states:
          start:
            type: start
            transitions: [{to: mark}]
          mark:
            type: set_attribute
            attribute: runtime_only_flag
            value: true
            transitions: [{to: exacerbation}]
          exacerbation:
            type: call_submodule
            module: sample_asthma_exacerbation
            transitions: [{to: end}]
          end:
            type: terminal
        """;

    /// <summary>A replacement for the compiled submodule sample_asthma_exacerbation: one distinctive condition.</summary>
    private const string Replacement = """
        name: sample_asthma_exacerbation
        terminology: lenient
        states:
          start:
            type: start
            transitions: [{to: flare}]
          flare:
            type: condition_onset
            conditions:
              - {name: Replaced exacerbation, icd10: J45.901}
            transitions: [{to: end}]
          end:
            type: terminal
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("runtime-modules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RuntimeModuleSet LoadFolder() => RuntimeModuleLoader.Load(_folder, ModuleRegistry.All, AttributeSlots.Names);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_broken_module_gives_the_builds_diagnostic_at_file_line_and_column_and_no_modules()
    {
        Write("modules/broken.yaml", NewModule.Replace("to: end}", "to: ending}", StringComparison.Ordinal));
        var set = LoadFolder();

        Assert.True(set.HasErrors);
        Assert.Empty(set.Modules);
        var error = Assert.Single(set.Diagnostics, d => d.Level == DiagnosticLevel.Error);
        Assert.Equal("SPM0006", error.Id);
        Assert.StartsWith(Path.Combine(_folder, "modules", "broken.yaml") + "(14,", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(": error SPM0006: Transition target 'ending' is not a state of module 'runtime_note'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void New_attributes_get_slots_after_the_compiled_ones_and_known_names_keep_theirs()
    {
        Write("runtime_note.yaml", NewModule); // a folder without modules/: its YAML files are the modules
        var set = LoadFolder();

        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.Equal(AttributeSlots.Names, set.AttributeNames.Take(AttributeSlots.Count));
        Assert.Equal(new[] { "runtime_only_flag" }, set.AttributeNames.Skip(AttributeSlots.Count));
        var module = Assert.Single(set.Modules);
        Assert.Equal("runtime_note.yaml", module.SourcePath);

        var patient = new PatientContext(set.AttributeCount);
        patient.Reset(1, 0, new DateTime(1980, 1, 1).Ticks, Gender.Female, new DateTime(2026, 1, 1).Ticks);
        ModuleExecutor.Run(module, patient, patient.BirthTicks);
        Assert.True(patient.Attributes[AttributeSlots.Count].Equals(true));
        // The call reached the compiled submodule: its encounter was recorded.
        Assert.Equal(1, patient.Encounters.Count);
        Assert.Same(SampleAsthmaExacerbationModule.Instance, set.Find("sample_asthma_exacerbation"));
    }

    [Fact]
    public void A_replacement_is_reached_by_run_time_and_compiled_callers()
    {
        Write("modules/runtime_note.yaml", NewModule);
        Write("modules/sub/sample_asthma_exacerbation.yaml", Replacement);
        var set = LoadFolder();

        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var replacement = Assert.Single(set.Replaced);
        Assert.Equal("sample_asthma_exacerbation", replacement.Name);
        Assert.Same(replacement, set.Replacements["sample_asthma_exacerbation"]);
        Assert.Equal(new[] { "runtime_note" }, set.TopLevel.Select(m => m.Name)); // the replacement is called, so not top-level

        // The run-time caller links to the replacement directly.
        var patient = new PatientContext(set.AttributeCount);
        patient.Reset(1, 0, new DateTime(1980, 1, 1).Ticks, Gender.Female, new DateTime(2026, 1, 1).Ticks);
        ModuleExecutor.Run(set.Find("runtime_note")!, patient, patient.BirthTicks);
        Assert.Equal("Replaced exacerbation", Assert.Single(patient.Conditions.AsSpan().ToArray()).Definition.Name);

        // The compiled caller (sample_asthma) reaches it through the replacement table, and only then.
        var (compiled, called) = ExacerbationCounts(patient, null);
        Assert.True(called, "no patient reached sample_asthma's exacerbation call");
        Assert.Equal(0, compiled);
        Assert.True(ExacerbationCounts(patient, set.Replacements).Replaced > 0);
    }

    /// <summary>Runs sample_asthma for 300 patients; how many "Replaced exacerbation" conditions, and whether the call ran at all.</summary>
    private static (int Replaced, bool Called) ExacerbationCounts(PatientContext patient, IReadOnlyDictionary<string, CompiledModule>? replacements)
    {
        int replaced = 0;
        bool called = false;
        for (int i = 0; i < 300; i++)
        {
            patient.Reset(7, i, new DateTime(1950 + i % 50, 1 + i % 12, 1).Ticks, i % 2 == 0 ? Gender.Female : Gender.Male, new DateTime(2026, 1, 1).Ticks);
            ModuleExecutor.Run(SampleAsthmaModule.Instance, patient, patient.BirthTicks, ModuleExecutor.DefaultMaxSteps, replacements);
            foreach (ref readonly var condition in patient.Conditions)
            {
                if (condition.Definition.Name == "Replaced exacerbation") replaced++;
                if (condition.Definition.Codes.Any(c => c.Value == "J45.901")) called = true;
            }
        }
        return (replaced, called);
    }

    [Fact]
    public void The_modules_of_a_run_swap_replaced_modules_and_add_new_top_level_ones()
    {
        Write("modules/runtime_note.yaml", NewModule);
        Write("modules/sample_asthma_exacerbation.yaml", Replacement);
        var set = LoadFolder();
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var scheduled = new CompiledModule[] { SampleHypertensionModule.Instance, SampleAsthmaExacerbationModule.Instance };

        var run = set.ModulesForRun(scheduled, runtimeOnly: false);
        Assert.Equal(new[] { "sample_hypertension", "sample_asthma_exacerbation", "runtime_note" }, run.Select(m => m.Name));
        Assert.Same(SampleHypertensionModule.Instance, run[0]);
        Assert.IsType<InterpretedModule>(run[1]);

        var only = set.ModulesForRun(scheduled, runtimeOnly: true);
        Assert.Equal(new[] { "runtime_note" }, only.Select(m => m.Name));
    }

    [Fact]
    public void Parameters_come_from_the_folder_per_domain_and_from_the_library_otherwise()
    {
        const string UsesAsthma = """
            name: uses_parameters
            states:
              start:
                type: start
                distributed_transition:
                  - {transition: end, distribution: {use: asthma.persistent_share}}
                  - {transition: end, distribution: {use: copd.some_missing_path}}
              end:
                type: terminal
            """;
        Write("modules/uses_parameters.yaml", UsesAsthma);
        Write("data/parameters/copd.yaml", "parameters:\n  other: 0.5\n");
        var set = LoadFolder();

        // asthma.* resolves from the built-in asthma.yaml; copd.yaml of the folder replaces the built-in copd domain.
        var error = Assert.Single(set.Diagnostics, d => d.Id == "SPM0008");
        Assert.Contains("copd.some_missing_path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminology_rows_in_the_folder_are_added_to_the_built_in_catalog_of_their_system()
    {
        // A state that records an ICD-10-CM code missing from the built-in catalog, appended under states:.
        Write("modules/runtime_note.yaml", NewModule + "\n  diagnose:\n    type: condition_onset\n    conditions:\n      - {name: Made-up disorder, icd10: J45.909}\n      - {name: Made-up other disorder, icd10: Z99.999}\n    transitions: [{to: end}]\n");
        var missing = Assert.Single(LoadFolder().Diagnostics, d => d.Id == "SPM0023");
        Assert.Contains("Z99.999", missing.Message, StringComparison.Ordinal);

        // The one row the diagnostic asks for is enough: the built-in rows (J45.909) stay.
        Write("data/terminology/icd10cm.csv", "code,display\nZ99.999,Made-up other disorder\n");
        Assert.DoesNotContain(LoadFolder().Diagnostics, d => d.Id is "SPM0023" or "SPM0025");
    }

    [Fact]
    public void A_folder_row_replaces_the_built_in_row_with_the_same_code()
    {
        Write("modules/runtime_note.yaml", NewModule + "\n  diagnose:\n    type: condition_onset\n    conditions:\n      - {name: Made-up disorder, icd10: J45.909}\n    transitions: [{to: end}]\n");
        Write("data/terminology/icd10cm.csv", "code,display\nJ45.909,Made-up disorder\n");
        var diagnostics = LoadFolder().Diagnostics;

        // Not a duplicate of the built-in row (SPM0025), and the display is checked against the folder's row (SPM0024).
        Assert.DoesNotContain(diagnostics, d => d.Id is "SPM0023" or "SPM0024" or "SPM0025");
    }
}
