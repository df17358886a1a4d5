using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Execution;

/// <summary>
/// Facts about a module's execution that the C# emitter and the run-time interpreter both derive from the model:
/// kept here, once, so compiled and interpreted modules cannot drift apart.
/// </summary>
public static class ExecutionFacts
{
    /// <summary>The index of the first start state (0 when there is none).</summary>
    public static int InitialState(ModuleSpec spec)
    {
        for (int i = 0; i < spec.States.Count; i++)
        {
            if (spec.States[i].Kind == StateKind.Start) return i;
        }
        return 0;
    }

    /// <summary>A constant number of days as ticks, truncated; the runtime's DaysToTicks does the same for drawn values.</summary>
    public static long ConstantTicks(double days) => days > 0 ? (long)(days * TimeSpan.TicksPerDay) : 0;

    /// <summary>The round-trip text of a finite number ("R", falling back to "G17" where "R" does not round-trip).</summary>
    public static string NumberText(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// <summary>The runtime's ModuleCategories member of a <c>categories:</c> key, or null for an unknown key.</summary>
    public static string? CategoryFlag(string category) => category switch
    {
        "encounters" => "Encounters",
        "conditions" => "Conditions",
        "medications" => "Medications",
        "observations" => "Observations",
        "procedures" => "Procedures",
        "immunizations" => "Immunizations",
        "care_plans" => "CarePlans",
        "allergies" => "Allergies",
        _ => null,
    };

    /// <summary>The distinct category flags of one mode, in file order.</summary>
    public static List<string> CategoryFlags(ModuleSpec spec, CategoryMode mode)
    {
        var flags = new List<string>();
        foreach (var category in spec.Categories)
        {
            if (category.Mode != mode) continue;
            var flag = CategoryFlag(category.Category);
            if (flag is not null && !flags.Contains(flag)) flags.Add(flag);
        }
        return flags;
    }

    /// <summary>The codes of every condition the module can record (its condition_onset states), ordinal-sorted.</summary>
    public static List<string> ConditionCodes(ModuleSpec spec)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var state in spec.States)
        {
            if (state.Kind != StateKind.ConditionOnset) continue;
            foreach (var item in state.Items)
            {
                foreach (var code in item.Codes) codes.Add(code.Code);
            }
        }
        return new List<string>(codes);
    }

    /// <summary>The text a demographic condition compares a label with: the value's text, or a number's round-trip text.</summary>
    public static string? DemographicText(ConditionSpec condition)
        => condition.Value?.Text ?? (condition.Value is { Kind: ValueKind.Number } number ? NumberText(number.Number) : null);

    /// <summary>The value an end state matches when it has no referenced_by_attribute: the first item's first code, else its name.</summary>
    public static string? EndMatch(StateSpec state)
    {
        if (state.Items.Count == 0) return null;
        var item = state.Items[0];
        return item.Codes.Count > 0 ? item.Codes[0].Code : item.Name;
    }
}
