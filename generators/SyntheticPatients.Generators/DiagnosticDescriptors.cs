using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SyntheticPatients.Generators;

/// <summary>
/// The Roslyn descriptor of every entry of the language's diagnostic catalog
/// (<c>src/SyntheticPatients.Language/Diagnostics/DiagnosticCatalog.cs</c>, Roslyn-free because the run-time module
/// loader reports the same IDs). Static fields with literal IDs, as Roslyn's own analyzers declare theirs, so the release
/// tracking analyzer checks them against AnalyzerReleases.*.md and each descriptor is created once per process.
/// The catalog stays the source of truth: DiagnosticDescriptorTests fails when the two differ in an ID, title, message
/// or severity, or when an entry has no descriptor here. The conversion of located diagnostics is in
/// DiagnosticDescriptors.Conversion.cs.
/// RS1032 (one sentence without a final period, or several with one) is silenced on the few messages it flags: the
/// texts are the catalog's, which docs/module-language.md documents and the run-time loader reports too, and where a
/// message ends in "{2}" the check supplies a whole sentence the analyzer cannot see.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "SyntheticPatients.Modules";
    private const string HelpLink = "docs/module-language.md#diagnostics";

    public static readonly DiagnosticDescriptor YamlSyntaxError = new(
        "SPM0001", "YAML syntax error",
        "YAML syntax error: {0}. Fix the indentation or quoting at this position.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor MissingStartState = new(
        "SPM0002", "Module has no start state",
        "Module '{0}' has no state of type 'start'. Add a state named 'start' with 'type: start' and a transition to the first real state.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor DuplicateState = new(
        "SPM0003", "Duplicate state",
        "State '{0}' is defined more than once (first at line {1}). Rename or merge one of them.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor UnknownStateType = new(
        "SPM0004", "Unknown state type",
        "Unknown state type '{0}'{1}. Use one of: {2}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor UnknownField = new(
        "SPM0005", "Unknown field",
        "Unknown field '{0}' in {1}{2}. It is ignored; remove it or fix its spelling.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor UnknownTransitionTarget = new(
        "SPM0006", "Transition to an unknown state",
        "Transition target '{0}' is not a state of module '{1}'{2}. Point it at an existing state or add the state.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor InvalidProbabilities = new(
        "SPM0007", "Invalid branch probabilities",
        "{0}. Make the probabilities non-negative and sum to 1, or mark one branch 'probability: remainder'.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor UnknownParameter = new(
        "SPM0008", "Unknown parameter reference",
        "Parameter '{0}' is not defined{1}. Define it in a parameters file (data/parameters/<domain>.yaml) or fix the path.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

#pragma warning disable RS1032 // the catalog's message, word for word (see the note at the top)
    public static readonly DiagnosticDescriptor WrongValueType = new(
        "SPM0009", "Wrong value type",
        "'{0}' expects {1}, but found {2}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
#pragma warning restore RS1032

    public static readonly DiagnosticDescriptor UnreachableState = new(
        "SPM0010", "Unreachable state",
        "State '{0}' can never be reached from 'start'. Add a transition to it or delete it.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor NoWayOut = new(
        "SPM0011", "State with no way out",
        "State '{0}' of type '{1}' has no transition, so the module would stop here silently. Add 'transitions' (or use type 'terminal').",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor InfiniteLoop = new(
        "SPM0012", "Loop that never advances time",
        "States {0} form a loop in which no state advances time, so a patient could loop forever. Put a delay, guard or encounter in the loop.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor AttributeNeverSet = new(
        "SPM0013", "Attribute read but never set",
        "Attribute '{0}' is read here but no module sets it (set_attribute, assign_to_attribute or counter). The condition will always see it as unset.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor UnknownSubmodule = new(
        "SPM0014", "Unknown module",
        "There is no module named '{0}'{1}. Add modules/{0}.yaml or fix the name (call_submodule and a scenario's modules list name modules by their 'name:').",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

#pragma warning disable RS1032 // the catalog's message, word for word (see the note at the top)
    public static readonly DiagnosticDescriptor MalformedCode = new(
        "SPM0015", "Malformed clinical code",
        "{0} code '{1}' is malformed: {2}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
#pragma warning restore RS1032

#pragma warning disable RS1032 // the catalog's message, word for word (see the note at the top)
    public static readonly DiagnosticDescriptor MissingField = new(
        "SPM0016", "Missing required field",
        "{0} needs '{1}'. {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
#pragma warning restore RS1032

#pragma warning disable RS1032 // the catalog's message, word for word (see the note at the top)
    public static readonly DiagnosticDescriptor InvalidValue = new(
        "SPM0017", "Invalid value",
        "Invalid value '{0}' for '{1}'. {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
#pragma warning restore RS1032

    public static readonly DiagnosticDescriptor DuplicateModule = new(
        "SPM0018", "Duplicate module name",
        "Module name '{0}' is also used by {1}. Module names must be unique.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "SPM0019", "Duplicate key",
        "Key '{0}' appears more than once in this mapping (first at line {1}); only the first is used. Remove the duplicate.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor CheckDigitMismatch = new(
        "SPM0020", "Code fails its check digit",
        "{0} code '{1}' is not a valid code: {2}. Look the concept up and use its real code.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor SubmoduleCycle = new(
        "SPM0021", "Submodules call each other in a cycle",
        "Module '{0}' calls itself through submodules ({1}), which would recurse without end. Break the cycle.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor DuplicateScenario = new(
        "SPM0022", "Duplicate scenario name",
        "Scenario name '{0}' is also used by {1}. Scenario names must be unique.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor CodeNotInTerminology = new(
        "SPM0023", "Code not in the terminology catalog",
        "{0} code '{1}' is not in the terminology catalog {2}. If the code is right, add the row `{3}` to {2} ({4}; check it in a terminology browser); otherwise fix the code.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor DisplayDiffersFromTerminology = new(
        "SPM0024", "Display differs from the terminology catalog",
        "'{0}' is not the catalog display of {1}. Write {2} (the match ignores case and spacing; the entry's name may stay as it is), or correct the catalog row if it is the one that is wrong.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor MalformedTerminologyRow = new(
        "SPM0025", "Malformed terminology catalog row",
        "Terminology catalog row is malformed: {0}. The row is ignored.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor YamlFileTooLarge = new(
        "SPM0026", "YAML file too large",
        "The file has {0} characters; a YAML file may have at most {1}, so it is not read. Split it into several files.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor YamlTooDeep = new(
        "SPM0027", "YAML nested too deeply",
        "This value is nested more than {0} mappings/lists deep, so the file is not read. Flatten it (a deep and/or condition can be split across states or attributes).",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor YamlAliasExpansionTooLarge = new(
        "SPM0028", "YAML aliases expand too far",
        "Alias *{0} stands for {1} nodes and brings the nodes produced through aliases in this file above {2} (nested aliases grow exponentially), so the file is not read. Write the repeated part out or nest fewer aliases.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

#pragma warning disable RS1032 // {2} is an optional " (did you mean ...?)": the message is one sentence the analyzer cannot see
    public static readonly DiagnosticDescriptor UnknownScenarioKey = new(
        "SPM0029", "Unknown scenario key",
        "Unknown key '{0}' in {1}{2}. A scenario with a misspelt key would silently run without it: fix the spelling or remove the key.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
#pragma warning restore RS1032

    public static readonly DiagnosticDescriptor ZeroTimeStepInLoop = new(
        "SPM0030", "Loop whose time step takes no time",
        "States {0} form a loop whose only time steps take no time ({1}), so a patient could loop forever. Make the delay longer than 0 or give the guard a condition that can be false.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor InvalidTerminologySetting = new(
        "SPM0040", "Invalid terminology setting",
        "'{0}' is not a terminology setting (from {1}). Use 'strict' (a code missing from the terminology catalogs is an error) or 'compat' (it is a warning); strict applies meanwhile.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    /// <summary>Reported instead of crashing when the module compiler itself fails.</summary>
    public static readonly DiagnosticDescriptor CompilerFailure = new(
        "SPM0999", "Module compiler failure",
        "The module compiler failed on this file: {0}. Please report it with the file.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    /// <summary>Every descriptor, in catalog order (declared after the fields: static initializers run in text order).</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        YamlSyntaxError, MissingStartState, DuplicateState, UnknownStateType, UnknownField, UnknownTransitionTarget,
        InvalidProbabilities, UnknownParameter, WrongValueType, UnreachableState, NoWayOut, InfiniteLoop,
        AttributeNeverSet, UnknownSubmodule, MalformedCode, MissingField, InvalidValue, DuplicateModule, DuplicateKey,
        CheckDigitMismatch, SubmoduleCycle, DuplicateScenario, CodeNotInTerminology, DisplayDiffersFromTerminology,
        MalformedTerminologyRow, YamlFileTooLarge, YamlTooDeep, YamlAliasExpansionTooLarge, UnknownScenarioKey, ZeroTimeStepInLoop,
        InvalidTerminologySetting, CompilerFailure,
    };

    // Here, after All, and not in the other part of this partial class: the order in which the static initializers of
    // two files run is not defined, and ById must see All built.
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

    private static Dictionary<string, DiagnosticDescriptor> Index()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All) map[descriptor.Id] = descriptor;
        return map;
    }
}
