using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Cli.Generation;

/// <summary>Finds the run's scenario (built-in by name, or a file checked like the built-in ones) and applies config overrides.</summary>
internal static class ScenarioResolver
{
    /// <param name="runtimeModules">Names of the modules loaded at run time (--modules-dir), which a scenario file may list too.</param>
    public static ScenarioDefinition Resolve(RunOptions options, ModuleCatalog catalog, IEnumerable<string>? runtimeModules = null)
    {
        if (options.ScenarioName is not null && options.ScenarioFile is not null)
        {
            throw new InputException("Give either --scenario or --scenario-file, not both.");
        }
        ScenarioDefinition scenario;
        if (options.ScenarioFile is not null)
        {
            if (!File.Exists(options.ScenarioFile)) throw new InputException($"{options.ScenarioFile}: scenario file not found.");
            var loaded = ScenarioLoader.LoadFile(options.ScenarioFile, ParameterSet.Empty,
                catalog.Modules.Select(m => m.Name).Concat(runtimeModules ?? Array.Empty<string>()));
            var errors = loaded.Errors.ToList();
            if (errors.Count > 0 || loaded.Definition is null)
            {
                throw new InputException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
            }
            scenario = loaded.Definition;
        }
        else
        {
            // A tailored generator built without scenarios (built-in library left out, no scenarios/*.yaml) has no default.
            var name = options.ScenarioName ?? catalog.DefaultScenario?.Name
                ?? throw new InputException("This generator has no scenarios: give --scenario-file, or add scenarios/*.yaml to the project.");
            scenario = catalog.FindScenario(name)
                ?? throw new InputException($"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", catalog.Scenarios.Select(s => s.Name))} (or give --scenario-file).");
        }
        return options.Config is null ? scenario : ConfigDistributions.Apply(scenario, options.Config);
    }
}
