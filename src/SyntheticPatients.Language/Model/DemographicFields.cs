using System.Collections.Generic;

namespace SyntheticPatients.Language.Model;

/// <summary>
/// The patient fields a <c>demographic</c> condition may test: the scenario's categorical labels (compared
/// case-insensitively) and two numbers, age in years and yearly income in USD.
/// </summary>
public static class DemographicFields
{
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "age", "income", "race", "ethnicity", "smoking", "alcohol", "education", "employment", "housing", "insurance",
    };

    public static bool IsKnown(string field)
    {
        foreach (var name in Names)
        {
            if (name == field) return true;
        }
        return false;
    }

    /// <summary>The PatientContext property holding a text field ("smoking" -> "Smoking").</summary>
    public static string Property(string field) => char.ToUpperInvariant(field[0]) + field.Substring(1);
}
