using System;
using System.Collections.Generic;
using System.Text;

namespace SyntheticPatients.Language.Scenarios;

/// <summary>
/// What a scenario file may say: its keys, the labels of each distribution (with the spellings accepted for them,
/// including the seed system's), and the US defaults a distribution takes when the file leaves it out.
/// The defaults are documented in docs/module-language.md (Scenarios), with the sources below.
/// </summary>
public static class ScenarioVocabulary
{
    public const string AgeKey = "age_dist";
    public const string IncomeKey = "income_dist";

    /// <summary>Ages are whole years, 0 to <see cref="MaxAge"/> inclusive.</summary>
    public const int MaxAge = 110;

    /// <summary>Income bands are USD a year, 0 to <see cref="MaxIncome"/> inclusive.</summary>
    public const int MaxIncome = 10_000_000;

    /// <summary>A distribution's weights must sum to 1 within this tolerance (the seed system's rule; nothing is rescaled).</summary>
    public const double SumTolerance = 0.01;

    public static readonly LabelField Gender = new(
        "gender_dist", "Sex at birth.",
        new[] { "M", "F" },
        Aliases(
            G("M", "male", "man", "boy"),
            G("F", "female", "woman", "girl")),
        Rejections(),
        Weights(("M", 0.495), ("F", 0.505)),
        "US Census Bureau, Vintage 2023 population estimates: 49.5% male, 50.5% female");

    public static readonly LabelField Race = new(
        "race_dist", "Race (OMB categories; Hispanic or Latino origin is ethnicity_dist).",
        new[] { "white", "black", "asian", "native", "hawaiian", "other" },
        Aliases(
            G("white", "caucasian"),
            G("black", "african_american", "black_or_african_american"),
            G("asian"),
            G("native", "native_american", "american_indian", "alaska_native", "american_indian_or_alaska_native", "american_indian_and_alaska_native", "aian"),
            G("hawaiian", "native_hawaiian", "pacific_islander", "native_hawaiian_or_other_pacific_islander", "nhpi"),
            G("other", "some_other_race", "two_or_more", "two_or_more_races", "multiracial")),
        Rejections(
            ("hispanic", HispanicIsEthnicity), ("latino", HispanicIsEthnicity), ("hispanic_or_latino", HispanicIsEthnicity), ("latinx", HispanicIsEthnicity)),
        Weights(("white", 0.616), ("black", 0.124), ("asian", 0.060), ("native", 0.011), ("hawaiian", 0.002), ("other", 0.187)),
        "US Census Bureau, 2020 Census redistricting data (P.L. 94-171): race alone; some other race and two or more races as other");

    public static readonly LabelField Ethnicity = new(
        "ethnicity_dist", "Hispanic or Latino origin.",
        new[] { "hispanic", "nonhispanic" },
        Aliases(
            G("hispanic", "latino", "hispanic_or_latino"),
            G("nonhispanic", "non_hispanic", "not_hispanic", "not_hispanic_or_latino", "non_hispanic_or_latino")),
        Rejections(),
        Weights(("hispanic", 0.187), ("nonhispanic", 0.813)),
        "US Census Bureau, 2020 Census redistricting data (P.L. 94-171): 18.7% Hispanic or Latino");

    public static readonly LabelField Smoking = new(
        "smoking_dist", "Cigarette smoking status (applies to adults).",
        new[] { "never", "former", "current" },
        Aliases(
            G("never", "never_smoker"),
            G("former", "former_smoker", "ex_smoker"),
            G("current", "current_smoker", "smoker")),
        Rejections(),
        Weights(("never", 0.665), ("former", 0.219), ("current", 0.116)),
        "CDC NCHS, National Health Interview Survey 2022: 11.6% of adults smoke cigarettes, 21.9% are former smokers");

    public static readonly LabelField Alcohol = new(
        "alcohol_dist", "Alcohol use (applies to adults).",
        new[] { "never", "occasional", "moderate", "heavy" },
        Aliases(
            G("never", "none", "abstainer"),
            G("occasional", "light"),
            G("moderate"),
            G("heavy")),
        Rejections(),
        Weights(("never", 0.33), ("occasional", 0.31), ("moderate", 0.30), ("heavy", 0.06)),
        "SAMHSA, National Survey on Drug Use and Health 2022 (past-year and past-month use; 5.9% heavy alcohol use) with CDC NHIS drinking levels");

    public static readonly LabelField Education = new(
        "education_dist", "Highest education completed (applies to adults).",
        new[] { "less_than_high_school", "high_school", "some_college", "bachelors", "graduate" },
        Aliases(
            G("less_than_high_school", "less_than_hs", "no_high_school"),
            G("high_school", "hs", "high_school_graduate"),
            G("some_college", "associate", "associates"),
            G("bachelors", "bachelor"),
            G("graduate", "graduate_degree", "postgraduate")),
        Rejections(),
        Weights(("less_than_high_school", 0.089), ("high_school", 0.279), ("some_college", 0.255), ("bachelors", 0.233), ("graduate", 0.144)),
        "US Census Bureau, Current Population Survey 2022: educational attainment of adults 25 and over");

    public static readonly LabelField Employment = new(
        "employment_dist", "Employment status (applies to adults).",
        new[] { "employed", "unemployed", "retired", "student", "disabled", "homemaker" },
        Aliases(
            G("employed", "working"),
            G("unemployed"),
            G("retired"),
            G("student"),
            G("disabled", "unable_to_work"),
            G("homemaker", "home_maker")),
        Rejections(),
        Weights(("employed", 0.603), ("unemployed", 0.023), ("retired", 0.19), ("student", 0.065), ("disabled", 0.06), ("homemaker", 0.059)),
        "BLS, Current Population Survey 2023 annual averages (60.3% employed, 2.3% unemployed) and reasons for not being in the labor force");

    public static readonly LabelField Housing = new(
        "housing_dist", "Housing situation.",
        new[] { "owner", "renter", "temporary", "homeless" },
        Aliases(
            G("owner", "homeowner", "own"),
            G("renter", "rent"),
            G("temporary", "temporary_housing", "doubled_up"),
            G("homeless", "unhoused")),
        Rejections(),
        Weights(("owner", 0.655), ("renter", 0.335), ("temporary", 0.008), ("homeless", 0.002)),
        "US Census Bureau, Housing Vacancies and Homeownership 2023 (65.5% of people in owner-occupied homes); HUD AHAR 2023 point-in-time count (0.2% homeless)");

    public static readonly LabelField Insurance = new(
        "insurance_dist", "Primary health coverage.",
        new[] { "private", "medicare", "medicaid", "dual", "uninsured", "military" },
        Aliases(
            G("private", "commercial", "employer"),
            G("medicare"),
            G("medicaid", "chip"),
            G("dual", "dual_eligible", "medicare_medicaid"),
            G("uninsured", "none", "self_pay"),
            G("military", "tricare", "va")),
        Rejections(),
        Weights(("private", 0.545), ("medicare", 0.13), ("medicaid", 0.18), ("dual", 0.038), ("uninsured", 0.079), ("military", 0.028)),
        "US Census Bureau, Health Insurance Coverage in the United States: 2022 (P60-281; 7.9% uninsured); CMS dual-eligible enrollment (3.8%)");

    /// <summary>Every categorical distribution, in the order they are documented.</summary>
    public static readonly IReadOnlyList<LabelField> LabelFields = new[]
    {
        Gender, Race, Ethnicity, Smoking, Alcohol, Education, Employment, Housing, Insurance,
    };

    public static readonly BandField Ages = new(
        AgeKey, "Age in whole years at the end of the simulation; bins 'min-max' include both ends.", 0, MaxAge, "years",
        Bands((0, 17, 0.217), (18, 34, 0.226), (35, 49, 0.191), (50, 64, 0.191), (65, 79, 0.136), (80, 100, 0.039)),
        "US Census Bureau, American Community Survey 2022 1-year estimates, table S0101 (age and sex)");

    public static readonly BandField Income = new(
        IncomeKey, "Household income, USD a year; bands 'min-max' include both ends.", 0, MaxIncome, "USD a year",
        Bands((0, 24_999, 0.172), (25_000, 49_999, 0.195), (50_000, 74_999, 0.163), (75_000, 99_999, 0.125),
              (100_000, 149_999, 0.159), (150_000, 199_999, 0.085), (200_000, 500_000, 0.101)),
        "US Census Bureau, CPS ASEC 2023, household income in 2022 (table HINC-01; median $74,580)");

    public static readonly IReadOnlyList<BandField> BandFields = new[] { Ages, Income };

    /// <summary>The keys a scenario file may have.</summary>
    public static readonly IReadOnlyList<string> Keys = BuildKeys();

    /// <summary>Code systems a scenario's <c>terminology:</c> may list, with the spellings accepted for each.</summary>
    public static readonly IReadOnlyList<string> TerminologySystems = new[]
    {
        "icd10", "snomed", "loinc", "rxnorm", "cvx", "ndc", "cpt", "vsac", "umls",
    };

    public const string Vsac = "VSAC";
    public const string Umls = "UMLS";

    private const string HispanicIsEthnicity =
        "Hispanic or Latino is an ethnicity in this model, not a race: put its share in 'ethnicity_dist' (hispanic: ..., nonhispanic: ...) and spread 'race_dist' over white, black, asian, native, hawaiian and other.";

    /// <summary>
    /// A label as written, reduced to a lookup key: lower case, spaces, hyphens, slashes and dots as '_', apostrophes
    /// dropped ("Native American" and "native-american" give native_american; "Bachelor's" gives bachelors).
    /// </summary>
    public static string NormalizeLabel(string label)
    {
        var text = new StringBuilder(label.Length);
        foreach (var c in label.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\'' || c == '\u2019')
            {
                // dropped
            }
            else if (text.Length > 0 && text[text.Length - 1] != '_')
            {
                text.Append('_');
            }
        }
        while (text.Length > 0 && text[text.Length - 1] == '_') text.Length--;
        return text.ToString();
    }

    private static IReadOnlyList<string> BuildKeys()
    {
        var keys = new List<string> { "name", "description", "sources", "remarks", AgeKey };
        foreach (var field in LabelFields) keys.Add(field.Key);
        keys.Add(IncomeKey);
        keys.Add("modules");
        keys.Add("parameters");
        keys.Add("terminology");
        return keys;
    }

    /// <summary>A canonical label and the other spellings accepted for it.</summary>
    private static (string Canonical, string[] Spellings) G(string canonical, params string[] spellings) => (canonical, spellings);

    private static Dictionary<string, string> Aliases(params (string Canonical, string[] Spellings)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, spellings) in groups)
        {
            map[NormalizeLabel(canonical)] = canonical;
            foreach (var spelling in spellings) map[NormalizeLabel(spelling)] = canonical;
        }
        return map;
    }

    private static Dictionary<string, string> Rejections(params (string Label, string Reason)[] items)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, reason) in items) map[NormalizeLabel(label)] = reason;
        return map;
    }

    private static LabelWeight[] Weights(params (string Label, double Weight)[] items)
    {
        var result = new LabelWeight[items.Length];
        for (int i = 0; i < items.Length; i++) result[i] = new LabelWeight(items[i].Label, items[i].Weight);
        return result;
    }

    private static BandWeight[] Bands(params (int Min, int Max, double Weight)[] items)
    {
        var result = new BandWeight[items.Length];
        for (int i = 0; i < items.Length; i++) result[i] = new BandWeight(items[i].Min, items[i].Max, items[i].Weight);
        return result;
    }
}

/// <summary>A categorical distribution key: its canonical labels, accepted spellings, rejected labels and US default.</summary>
public sealed class LabelField
{
    private readonly Dictionary<string, string> _aliases;
    private readonly Dictionary<string, string> _rejections;

    internal LabelField(string key, string meaning, string[] labels, Dictionary<string, string> aliases, Dictionary<string, string> rejections, LabelWeight[] defaults, string defaultSource)
    {
        Key = key;
        Meaning = meaning;
        Labels = labels;
        _aliases = aliases;
        _rejections = rejections;
        Defaults = defaults;
        DefaultSource = defaultSource;
    }

    public string Key { get; }

    public string Meaning { get; }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<LabelWeight> Defaults { get; }

    public string DefaultSource { get; }

    /// <summary>Every accepted spelling (normalized) and the canonical label it stands for.</summary>
    public IReadOnlyDictionary<string, string> Spellings => _aliases;

    /// <summary>
    /// The canonical label for a label as written, or null; <paramref name="rejection"/> explains a label that is
    /// recognised but not allowed (race "Hispanic").
    /// </summary>
    public string? Resolve(string written, out string? rejection)
    {
        var key = ScenarioVocabulary.NormalizeLabel(written);
        rejection = null;
        if (_aliases.TryGetValue(key, out var canonical)) return canonical;
        if (_rejections.TryGetValue(key, out var reason)) rejection = reason;
        return null;
    }

    /// <summary>The canonical label closest to an unknown one (by its accepted spellings), or null.</summary>
    public string? Closest(string written)
    {
        var key = ScenarioVocabulary.NormalizeLabel(written);
        var closest = Text.Spelling.Closest(key, _aliases.Keys);
        return closest is null ? null : _aliases[closest];
    }
}

/// <summary>A band distribution key (ages or incomes): bounds, unit and US default.</summary>
public sealed class BandField
{
    internal BandField(string key, string meaning, int min, int max, string unit, BandWeight[] defaults, string defaultSource)
    {
        Key = key;
        Meaning = meaning;
        Min = min;
        Max = max;
        Unit = unit;
        Defaults = defaults;
        DefaultSource = defaultSource;
    }

    public string Key { get; }

    public string Meaning { get; }

    public int Min { get; }

    public int Max { get; }

    public string Unit { get; }

    public IReadOnlyList<BandWeight> Defaults { get; }

    public string DefaultSource { get; }
}
