namespace SyntheticPatients.Generators.Emit;

/// <summary>Fully qualified names of the runtime API the generated code is written against.</summary>
internal static class RuntimeNames
{
    public const string GeneratedNamespace = "SyntheticPatients.Generated";
    public const string GeneratorName = "SyntheticPatients.Generators";

    /// <summary>The generator assembly's version (Directory.Build.props), not a constant: see <see cref="GeneratorAssemblyVersion"/>.</summary>
    public static readonly string GeneratorVersion = GeneratorAssemblyVersion.Value;

    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";

    public const string CompiledModule = "global::SyntheticPatients.Runtime.Modules.CompiledModule";
    public const string ModuleRun = "global::SyntheticPatients.Runtime.Modules.ModuleRun";
    public const string StepOutcome = "global::SyntheticPatients.Runtime.Modules.StepOutcome";
    public const string ModuleCategories = "global::SyntheticPatients.Runtime.Modules.ModuleCategories";
    public const string PatientContext = "global::SyntheticPatients.Runtime.PatientContext";
    public const string AttributeValue = "global::SyntheticPatients.Runtime.AttributeValue";
    public const string Gender = "global::SyntheticPatients.Runtime.Gender";
    public const string VitalSign = "global::SyntheticPatients.Runtime.VitalSign";
    public const string EventKind = "global::SyntheticPatients.Runtime.Events.EventKind";
    public const string Code = "global::SyntheticPatients.Runtime.Definitions.Code";
    public const string CarePlanActivity = "global::SyntheticPatients.Runtime.Definitions.CarePlanActivity";
    public const string EncounterClass = "global::SyntheticPatients.Runtime.Definitions.EncounterClass";
    public const string Definitions = "global::SyntheticPatients.Runtime.Definitions.";
    public const string AttributeSlots = "global::" + GeneratedNamespace + ".AttributeSlots";
    public const string Math = "global::System.Math";
    public const string StringComparison = "global::System.StringComparison";
}
