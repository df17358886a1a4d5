using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// Runs two implementations of the same modules side by side on two patient contexts reset identically, module by
/// module, and reports the first difference: run result, any recorded event (every field, definitions by value),
/// attributes, death, and the random stream (one draw from each after every module, so a different number of
/// draws shows up even when the records happen to agree).
/// </summary>
internal sealed class ExecutionComparer
{
    private static readonly string[] Races = { "white", "black", "asian", "native", "other" };
    private static readonly string[] Smoking = { "never", "former", "current" };
    private static readonly string[] Housing = { "owner", "renter", "temporary", "homeless" };
    private static readonly string[] Insurance = { "private", "medicare", "medicaid", "uninsured" };

    private readonly ConditionalWeakTable<ClinicalDefinition, string> _descriptions = new();
    private readonly PatientContext _expected;
    private readonly PatientContext _actual;

    /// <summary>Per buffer, how many events' definitions were already compared (an event's definition never changes).</summary>
    private readonly int[] _definitionsChecked = new int[8];

    public ExecutionComparer(int attributeCount)
    {
        _expected = new PatientContext(attributeCount);
        _actual = new PatientContext(attributeCount);
    }

    public System.Diagnostics.Stopwatch RunClock { get; } = new();
    public System.Diagnostics.Stopwatch InterpretedClock { get; } = new();

    public long Steps { get; private set; }

    public long Events { get; private set; }

    /// <summary>
    /// Patients [0, patients) run every pair (compiled, interpreted) in order on the same patient; null when all agree,
    /// else the module, patient and first difference.
    /// </summary>
    public string? Compare(IReadOnlyList<(CompiledModule Expected, CompiledModule Actual)> modules, int patients, ulong seed)
    {
        for (int index = 0; index < patients; index++)
        {
            Reset(_expected, index, seed);
            Reset(_actual, index, seed);
            Array.Clear(_definitionsChecked);
            foreach (var (expected, actual) in modules)
            {
                RunClock.Start();
                var left = ModuleExecutor.Run(expected, _expected, _expected.BirthTicks);
                RunClock.Stop();
                InterpretedClock.Start();
                var right = ModuleExecutor.Run(actual, _actual, _actual.BirthTicks);
                InterpretedClock.Stop();
                Steps += left.Steps;
                var difference = left != right ? $"run result: compiled {left}, interpreted {right}" : FirstDifference();
                if (difference is not null) return $"module '{expected.Name}', patient {index}: {difference}";
            }
        }
        return null;
    }

    /// <summary>The patient <paramref name="index"/> of a comparison: birth dates over a century, both genders, varied labels.</summary>
    public static void Reset(PatientContext patient, int index, ulong seed)
    {
        long birth = new DateTime(1925 + index * 7 % 100, 1 + index % 12, 1 + index % 28).Ticks;
        patient.Reset(seed, index, birth, index % 2 == 0 ? Gender.Female : Gender.Male, new DateTime(2026, 1, 1).Ticks);
        patient.Race = Races[index % Races.Length];
        patient.Ethnicity = index % 5 == 0 ? "hispanic" : "nonhispanic";
        patient.Smoking = Smoking[index % Smoking.Length];
        patient.Alcohol = index % 4 == 0 ? "heavy" : "occasional";
        patient.Education = index % 3 == 0 ? "bachelors" : "high_school";
        patient.Employment = index % 6 == 0 ? "unemployed" : "employed";
        patient.Housing = Housing[index % Housing.Length];
        patient.Insurance = Insurance[index % Insurance.Length];
        patient.Income = 10_000 + index * 997 % 190_000;
        // A body model, so vital_sign conditions and reads see a body as in a real run (each context its own, made alike).
        patient.Body = new SyntheticPatients.Runtime.Lifecycle.PatientBody(new SyntheticPatients.Runtime.Records.Demographics
        {
            Id = new Guid(index, 7, 11, 1, 2, 3, 4, 5, 6, 7, 8),
            BirthDate = new DateTime(patient.BirthTicks),
            Gender = patient.Gender,
        });
    }

    private string? FirstDifference()
        => Buffer(0, "encounters", _expected.Encounters, _actual.Encounters)
        ?? Buffer(1, "conditions", _expected.Conditions, _actual.Conditions)
        ?? Buffer(2, "medications", _expected.Medications, _actual.Medications)
        ?? Buffer(3, "observations", _expected.Observations, _actual.Observations)
        ?? Buffer(4, "procedures", _expected.Procedures, _actual.Procedures)
        ?? Buffer(5, "immunizations", _expected.Immunizations, _actual.Immunizations)
        ?? Buffer(6, "care plans", _expected.CarePlans, _actual.CarePlans)
        ?? Buffer(7, "allergies", _expected.Allergies, _actual.Allergies)
        ?? Attributes()
        ?? Death()
        ?? RandomStream();

    private string? Buffer<T>(int id, string name, EventBuffer<ClinicalEvent<T>> expected, EventBuffer<ClinicalEvent<T>> actual)
        where T : ClinicalDefinition
    {
        int count = Math.Min(expected.Count, actual.Count);
        for (int i = 0; i < count; i++)
        {
            if (Same(expected[i], actual[i], definitions: i >= _definitionsChecked[id])) continue;
            return $"{name}[{i}] differs:\n  compiled:    {Describe(expected[i])}\n  interpreted: {Describe(actual[i])}";
        }
        Events += expected.Count;
        _definitionsChecked[id] = count;
        if (expected.Count == actual.Count) return null;
        var extra = expected.Count > actual.Count ? "compiled " + Describe(expected[count]) : "interpreted " + Describe(actual[count]);
        return $"{name}: compiled recorded {expected.Count}, interpreted {actual.Count}; first extra: {extra}";
    }

    /// <summary>Field by field; the definitions by their description (every property), NaN values by their bits.</summary>
    private bool Same<T>(in ClinicalEvent<T> left, in ClinicalEvent<T> right, bool definitions)
        where T : ClinicalDefinition
        => left.Start == right.Start && left.End == right.End && left.Encounter == right.Encounter
        && BitConverter.DoubleToInt64Bits(left.Value) == BitConverter.DoubleToInt64Bits(right.Value)
        && string.Equals(left.Status, right.Status, StringComparison.Ordinal)
        && (!definitions || string.Equals(DescribeDefinition(left.Definition), DescribeDefinition(right.Definition), StringComparison.Ordinal));

    private string? Attributes()
    {
        for (int slot = 0; slot < _expected.Attributes.Length; slot++)
        {
            if (!_expected.Attributes[slot].Equals(_actual.Attributes[slot]))
            {
                return $"attribute slot {slot}: compiled {_expected.Attributes[slot]}, interpreted {_actual.Attributes[slot]}";
            }
        }
        return null;
    }

    private string? Death()
    {
        var left = $"{_expected.DeathTicks} {_expected.DeathEncounter} {(_expected.CauseOfDeath is null ? "-" : DescribeDefinition(_expected.CauseOfDeath))}";
        var right = $"{_actual.DeathTicks} {_actual.DeathEncounter} {(_actual.CauseOfDeath is null ? "-" : DescribeDefinition(_actual.CauseOfDeath))}";
        return left == right ? null : $"death: compiled {left}, interpreted {right}";
    }

    private string? RandomStream()
    {
        ulong left = _expected.Random.NextUInt64(), right = _actual.Random.NextUInt64();
        return left == right ? null : "the random streams diverged (a different number of draws)";
    }

    private string Describe<T>(in ClinicalEvent<T> item)
        where T : ClinicalDefinition
        => string.Create(CultureInfo.InvariantCulture,
            $"start {item.Start}, end {item.End}, encounter {item.Encounter}, value {BitConverter.DoubleToInt64Bits(item.Value):X16} ({item.Value:R}), status {item.Status ?? "-"}, {DescribeDefinition(item.Definition)}");

    /// <summary>Every public property of the definition (codes and activities expanded); cached per instance.</summary>
    private string DescribeDefinition(ClinicalDefinition definition)
        => _descriptions.GetValue(definition, static d =>
        {
            var text = new StringBuilder(d.GetType().Name).Append(" {");
            foreach (var property in d.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.Append(' ').Append(property.Name).Append('=').Append(Value(property.GetValue(d))).Append(';');
            }
            return text.Append(" }").ToString();
        });

    private static string Value(object? value) => value switch
    {
        null => "null",
        Code code => code.System + "|" + code.Value + "|" + (code.Display ?? "null"),
        CarePlanActivity activity => activity.Name + "|" + (activity.Status ?? "null") + "|[" + string.Join(",", activity.Codes.Select(Value)) + "]",
        string text => "\"" + text + "\"",
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Value)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
