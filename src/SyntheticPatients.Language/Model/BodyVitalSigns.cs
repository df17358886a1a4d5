using System.Collections.Generic;

namespace SyntheticPatients.Language.Model;

/// <summary>
/// The measures the patient's body tracks (the runtime's <c>VitalSign</c> enum, same order: a test keeps them in
/// step): their name in the language, the LOINC codes an observation of them carries, and their unit. An observation
/// with one of these codes records the body's value; a <c>vital_sign</c> state changes it; a <c>vital_sign</c>
/// condition reads it.
/// </summary>
public static class BodyVitalSigns
{
    /// <param name="Computed">Derived from other measures (read only: a vital_sign state cannot change it).</param>
    public sealed record Sign(int Ordinal, string Name, string Member, string Units, string[] Loinc, bool Computed = false);

    public static readonly Sign[] All =
    {
        new(0, "height", "Height", "cm", new[] { "8302-2" }),
        new(1, "weight", "Weight", "kg", new[] { "29463-7" }),
        new(2, "bmi", "Bmi", "kg/m2", new[] { "39156-5" }),
        new(3, "systolic_blood_pressure", "SystolicBloodPressure", "mm[Hg]", new[] { "8480-6" }),
        new(4, "diastolic_blood_pressure", "DiastolicBloodPressure", "mm[Hg]", new[] { "8462-4" }),
        new(5, "heart_rate", "HeartRate", "/min", new[] { "8867-4" }),
        new(6, "respiratory_rate", "RespiratoryRate", "/min", new[] { "9279-1" }),
        new(7, "body_temperature", "BodyTemperature", "Cel", new[] { "8310-5" }),
        new(8, "oxygen_saturation", "OxygenSaturation", "%", new[] { "2708-6", "59408-5" }),
        new(9, "hba1c", "HbA1c", "%", new[] { "4548-4" }),
        new(10, "glucose", "Glucose", "mg/dL", new[] { "2339-0", "2345-7" }),
        new(11, "total_cholesterol", "TotalCholesterol", "mg/dL", new[] { "2093-3" }),
        new(12, "ldl_cholesterol", "LdlCholesterol", "mg/dL", new[] { "18262-6", "13457-7" }),
        new(13, "hdl_cholesterol", "HdlCholesterol", "mg/dL", new[] { "2085-9" }),
        new(14, "triglycerides", "Triglycerides", "mg/dL", new[] { "2571-8" }),
        new(15, "creatinine", "Creatinine", "mg/dL", new[] { "2160-0", "38483-4" }),
        new(16, "egfr", "Egfr", "mL/min/{1.73_m2}", new[] { "33914-3", "62238-1", "98979-8", "48642-3", "48643-1" }),
        new(17, "bmi_percentile", "BmiPercentile", "%", new[] { "59576-9" }, Computed: true),
    };

    private static readonly Dictionary<string, Sign> ByNameTable = Index(s => new[] { s.Name });
    private static readonly Dictionary<string, Sign> ByLoincTable = Index(s => s.Loinc);

    public static Sign? ByName(string name) => ByNameTable.TryGetValue(name, out var sign) ? sign : null;

    public static Sign? ByLoinc(string code) => ByLoincTable.TryGetValue(code, out var sign) ? sign : null;

    /// <summary>The sign an observation item records: named by <c>vital_sign:</c>, else found by its LOINC code.</summary>
    public static Sign? Of(ClinicalItemSpec item)
    {
        if (item.VitalSign is { } name) return ByName(name);
        foreach (var code in item.Codes)
        {
            if (code.System == CodeSystems.Loinc && ByLoinc(code.Code) is { } sign) return sign;
        }
        return null;
    }

    public static string NameList() => string.Join(", ", System.Linq.Enumerable.Select(All, s => s.Name));

    private static Dictionary<string, Sign> Index(System.Func<Sign, string[]> keys)
    {
        var table = new Dictionary<string, Sign>(System.StringComparer.Ordinal);
        foreach (var sign in All)
        {
            foreach (var key in keys(sign)) table[key] = sign;
        }
        return table;
    }
}
