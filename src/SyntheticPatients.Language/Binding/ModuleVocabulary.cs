using System.Collections.Generic;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Binding;

/// <summary>
/// A read-only view of the words the module language accepts, read from the binders' own tables (so a tool such
/// as the JSON Schema writer cannot drift from what the compiler accepts). Keys are case-sensitive unless said.
/// </summary>
public static class ModuleVocabulary
{
    /// <summary>The top-level keys of a module file.</summary>
    public static IReadOnlyList<string> ModuleKeys => ModuleBinder.ModuleFields;

    /// <summary>The keys under <c>categories:</c>.</summary>
    public static IReadOnlyList<string> CategoryNames => ModuleBinder.CategoryNames;

    /// <summary>The values of a <c>categories:</c> entry.</summary>
    public static IReadOnlyList<string> CategoryModes => Keys(ModuleBinder.CategoryModes);

    /// <summary>The values of a module's <c>terminology:</c>.</summary>
    public static IReadOnlyList<string> TerminologyModes => Keys(Terminology.TerminologyPolicy.Names);

    public static IReadOnlyList<string> StateTypes => Keys(Binding.StateTypes.Table);

    /// <summary>Fields every state may carry, whatever its type.</summary>
    public static IReadOnlyList<string> CommonStateFields => Binding.StateTypes.Common;

    /// <summary>The fields of one state type besides <see cref="CommonStateFields"/>.</summary>
    public static IReadOnlyList<string> StateFields(string stateType) => Binding.StateTypes.Table[stateType].Fields;

    /// <summary>The state keys that list edges (or name one target): transitions, distributed_transition, ...</summary>
    public static IReadOnlyList<string> TransitionListKeys => TransitionBinder.ListKeys;

    /// <summary>The state key that names the one next state.</summary>
    public static string DirectTransitionKey => TransitionBinder.DirectKey;

    public static IReadOnlyList<string> TransitionEdgeFields => TransitionBinder.EdgeFields;

    /// <summary>Condition types (read case-insensitively).</summary>
    public static IReadOnlyList<string> ConditionTypes => Keys(ConditionBinder.Types);

    /// <summary>The keys naming a condition's type, in precedence order (<c>type</c>, then <c>condition_type</c>).</summary>
    public static IReadOnlyList<string> ConditionTypeKeys => ConditionBinder.TypeKeys;

    /// <summary>Keys any condition may carry besides its type's own fields.</summary>
    public static IReadOnlyList<string> CommonConditionFields => ConditionBinder.CommonFields;

    public static IReadOnlyList<string> ConditionFields(string conditionType) => ConditionBinder.Types[conditionType].Fields;

    /// <summary>For a condition without a type: the first group of keys present decides its type (original dialect).</summary>
    public static IReadOnlyList<KeyValuePair<IReadOnlyList<string>, string>> InferredConditionTypes
    {
        get
        {
            var result = new List<KeyValuePair<IReadOnlyList<string>, string>>();
            foreach (var (keys, type) in ConditionBinder.InferredTypes) result.Add(new KeyValuePair<IReadOnlyList<string>, string>(keys, type));
            return result;
        }
    }

    /// <summary>The keys of a <c>demographic</c> condition that name the field it tests.</summary>
    public static IReadOnlyList<string> DemographicFieldKeys => ConditionBinder.DemographicFieldKeys;

    /// <summary>The field names of a <c>demographic</c> condition: gender (this spelling), the others in any letter case.</summary>
    public static string DemographicGenderField => ConditionBinder.GenderField;

    public static IReadOnlyList<string> DemographicFields => Model.DemographicFields.Names;

    /// <summary>The spellings of <c>operator</c> / <c>op</c>.</summary>
    public static IReadOnlyList<string> ComparisonOperators => Keys(ConditionBinder.Operators);

    /// <summary>The state keys that list clinical entries (conditions, medications, ...).</summary>
    public static IReadOnlyList<string> ItemListKeys => Keys(ItemBinder.ListKeys);

    /// <summary>The fields of one entry under <paramref name="listKey"/> (one of <see cref="ItemListKeys"/>).</summary>
    public static IReadOnlyList<string> ItemFields(string listKey) => ItemBinder.Fields[ItemBinder.ListKeys[listKey]];

    public static IReadOnlyList<string> CarePlanActivityFields => ItemBinder.ActivityFields;

    public static IReadOnlyList<string> EncounterCodeFields => ItemBinder.EncounterCodeFields;

    /// <summary><c>encounter_class</c> values (read case-insensitively).</summary>
    public static IReadOnlyList<string> EncounterClasses => Keys(ItemBinder.EncounterClasses);

    public static IReadOnlyList<string> ExactFields => QuantityBinder.ExactFields;

    public static IReadOnlyList<string> RangeFields => QuantityBinder.RangeFields;

    public static IReadOnlyList<string> GaussianFields => QuantityBinder.GaussianFields;

    public static IReadOnlyList<string> ExponentialFields => QuantityBinder.ExponentialFields;

    /// <summary>Time units of delays and age conditions.</summary>
    public static IReadOnlyList<string> TimeUnits => Keys(Units.DaysPerUnit);

    /// <summary>Every body measure a condition or an observation may name.</summary>
    public static IReadOnlyList<string> VitalSigns => VitalSignNames(includeComputed: true);

    /// <summary>The body measures a <c>vital_sign</c> state may change (computed ones are read only).</summary>
    public static IReadOnlyList<string> SettableVitalSigns => VitalSignNames(includeComputed: false);

    private static List<string> VitalSignNames(bool includeComputed)
    {
        var names = new List<string>();
        foreach (var sign in BodyVitalSigns.All)
        {
            if (includeComputed || !sign.Computed) names.Add(sign.Name);
        }
        return names;
    }

    private static List<string> Keys<T>(IReadOnlyDictionary<string, T> table) => new(table.Keys);
}
