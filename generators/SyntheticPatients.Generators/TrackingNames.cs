namespace SyntheticPatients.Generators;

/// <summary>Names of the pipeline steps, so caching tests can find them in the driver's tracked steps.</summary>
public static class TrackingNames
{
    public const string HasInputs = nameof(HasInputs);
    public const string YamlSyntax = nameof(YamlSyntax);
    public const string ParameterFile = nameof(ParameterFile);
    public const string Parameters = nameof(Parameters);
    public const string TerminologyFile = nameof(TerminologyFile);
    public const string Terminology = nameof(Terminology);
    public const string TerminologyOption = nameof(TerminologyOption);
    public const string CompiledModule = nameof(CompiledModule);
    public const string ModuleProgram = nameof(ModuleProgram);
    public const string ModuleSource = nameof(ModuleSource);
    public const string ModuleSummary = nameof(ModuleSummary);
    public const string DuplicateModuleNames = nameof(DuplicateModuleNames);
    public const string CrossModuleChecks = nameof(CrossModuleChecks);
    public const string Registry = nameof(Registry);
    public const string CompiledScenario = nameof(CompiledScenario);
    public const string ModuleNames = nameof(ModuleNames);
    public const string ScenarioModuleChecks = nameof(ScenarioModuleChecks);
    public const string ScenarioNameChecks = nameof(ScenarioNameChecks);
    public const string ScenarioRegistry = nameof(ScenarioRegistry);
    public const string EntryPointOption = nameof(EntryPointOption);
    public const string Catalog = nameof(Catalog);
}
