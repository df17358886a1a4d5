using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Validation;

/// <summary>
/// Measures KPIs over a stream of generated patients (records are seen once, in order, and not kept), then
/// compares each measured value with its expected range.
/// </summary>
public sealed class KpiEvaluator
{
    private readonly IReadOnlyList<KpiSpec> _kpis;
    private readonly long[] _numerators;
    private readonly long[] _denominators;
    private readonly List<double>[] _intervals;

    public KpiEvaluator(IReadOnlyList<KpiSpec> kpis)
    {
        _kpis = kpis;
        _numerators = new long[kpis.Count];
        _denominators = new long[kpis.Count];
        _intervals = kpis.Select(_ => new List<double>()).ToArray();
    }

    public void Observe(PatientRecord record)
    {
        var d = record.Demographics;
        double age = d.AgeAt(record.End);
        bool alive = record.Death is null;
        for (int i = 0; i < _kpis.Count; i++)
        {
            var kpi = _kpis[i];
            switch (kpi.Metric)
            {
                case "share_with_condition":
                    if (!alive || !kpi.IsEligible(age, d.Gender)) break;
                    _denominators[i]++;
                    if (record.Conditions.Any(c => Has(c.Definition, kpi.Code) && (c.Stop is null || c.Stop > record.End))) _numerators[i]++;
                    break;
                case "share_with_medication":
                    if (!kpi.IsEligible(age, d.Gender) || !record.Conditions.Any(c => Has(c.Definition, kpi.ConditionCode) && RecordedBy(c, kpi))) break;
                    _denominators[i]++;
                    if (record.Medications.Any(m => kpi.MedicationCodes.Any(code => Has(m.Definition, code)))) _numerators[i]++;
                    break;
                case "share_died_of":
                    if (!kpi.IsEligible(age, d.Gender)) break;
                    _denominators[i]++;
                    if (record.Death?.Cause is { } cause && Has(cause, kpi.Code)) _numerators[i]++;
                    break;
                case "mean_per_patient":
                    if (!kpi.IsEligible(age, d.Gender)) break;
                    _denominators[i]++;
                    _numerators[i] += Count(record, kpi);
                    break;
                case "median_interval_days":
                    DateTime? previous = null;
                    foreach (var encounter in record.Encounters.Where(e => Has(e.Definition, kpi.EncounterCode)).OrderBy(e => e.Start))
                    {
                        if (previous is { } p) _intervals[i].Add((encounter.Start - p).TotalDays);
                        previous = encounter.Start;
                    }
                    break;
            }
        }
    }

    public IReadOnlyList<KpiResult> Results()
    {
        var results = new List<KpiResult>();
        for (int i = 0; i < _kpis.Count; i++)
        {
            var kpi = _kpis[i];
            double? value;
            string basis;
            if (kpi.Metric == "median_interval_days")
            {
                value = Median(_intervals[i]);
                basis = $"{_intervals[i].Count} intervals";
            }
            else
            {
                value = _denominators[i] == 0 ? null : (double)_numerators[i] / _denominators[i];
                basis = $"{_numerators[i]}/{_denominators[i]} patients";
            }
            results.Add(new KpiResult(kpi, value, basis));
        }
        return results;
    }

    private static int Count(PatientRecord record, KpiSpec kpi) => kpi.Table switch
    {
        "encounters" => record.Encounters.Count(e => Has(e.Definition, kpi.Code)),
        "observations" => record.Observations.Count(o => Has(o.Definition, kpi.Code)),
        "procedures" => record.Procedures.Count(p => Has(p.Definition, kpi.Code)),
        "immunizations" => record.Immunizations.Count(m => Has(m.Definition, kpi.Code)),
        "medications" => record.Medications.Count(m => Has(m.Definition, kpi.Code)),
        "conditions" => record.Conditions.Count(c => Has(c.Definition, kpi.Code)),
        _ => throw new FormatException($"{kpi.File}({kpi.Line},1): unknown table '{kpi.Table}' for mean_per_patient"),
    };

    private static bool RecordedBy(ConditionRecord condition, KpiSpec kpi) => kpi.ConditionRecordedBy is null || condition.Source == kpi.ConditionRecordedBy;

    private static bool Has(Definitions.ClinicalDefinition definition, string? code)
    {
        if (code is null) return false;
        foreach (var c in definition.Codes)
        {
            if (c.Value == code) return true;
        }
        return false;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>A measured KPI: null when nothing was eligible (which fails: the KPI measured nothing).</summary>
public sealed record KpiResult(KpiSpec Kpi, double? Value, string Basis)
{
    public bool Passed => Value is { } v && v >= Kpi.Low && v <= Kpi.High;

    public override string ToString()
        => $"{Kpi.Module}: {Kpi.Name} = {(Value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} ({Basis}), expected [{Kpi.Low}, {Kpi.High}]";
}
