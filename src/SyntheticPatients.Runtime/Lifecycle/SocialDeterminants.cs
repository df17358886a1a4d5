using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Social determinants from the scenario's distributions, made consistent with age: children are students
/// without income or tobacco use, nobody retires at 30, Medicare starts at 65, marital status follows age
/// (US Census ACS 2021 marital status by age, rounded).
/// </summary>
public static class SocialDeterminants
{
    public static void Fill(Demographics d, int age, ScenarioDefinition scenario, PatientRandom random)
    {
        d.Smoking = Smoking(scenario.Smoking.Draw(random), age, random);
        d.Alcohol = Alcohol(scenario.Alcohol.Draw(random), age, random);
        d.Education = Education(scenario.Education.Draw(random), age);
        d.Employment = Employment(scenario.Employment.Draw(random), age, random);
        d.Housing = scenario.Housing.Draw(random);
        d.Insurance = Insurance(scenario.Insurance.Draw(random), age, d.Employment);
        d.Income = Income(scenario.Income, age, d.Employment, random);
        d.Marital = Marital(age, random.NextDouble());
        d.Language = Language(d, random.NextDouble());
    }

    private static string Smoking(string drawn, int age, PatientRandom random)
    {
        if (age < 12) return "never";
        if (age < 18 && drawn != "never") return random.NextBoolean(0.15) ? "current" : "never";
        return drawn;
    }

    private static string Alcohol(string drawn, int age, PatientRandom random)
    {
        if (age < 15) return "never";
        if (age < 21 && drawn is "moderate" or "heavy") return random.NextBoolean(0.5) ? "occasional" : "never";
        return drawn;
    }

    private static string Education(string drawn, int age) => age switch
    {
        < 18 => "less_than_high_school",
        < 22 when drawn is "bachelors" or "graduate" => "some_college",
        < 24 when drawn is "graduate" => "bachelors",
        _ => drawn,
    };

    private static string Employment(string drawn, int age, PatientRandom random)
    {
        if (age < 16) return "student";
        if (age < 18) return random.NextBoolean(0.85) ? "student" : "employed";
        if (age < 23 && drawn == "retired") return "student";
        if (age < 55 && drawn == "retired") return "employed";
        if (age >= 25 && drawn == "student") return age >= 65 ? "retired" : "employed";
        if (age >= 67 && drawn == "employed" && random.NextBoolean(0.75)) return "retired";
        return drawn;
    }

    private static string Insurance(string drawn, int age, string employment)
    {
        if (age >= 65) return drawn switch { "medicaid" or "dual" => "dual", "military" => "military", _ => "medicare" };
        if (drawn is "medicare" or "dual")
        {
            if (employment == "disabled") return drawn;
            return drawn == "dual" ? "medicaid" : "private";
        }
        return drawn;
    }

    private static int Income(IReadOnlyList<IncomeBand> bands, int age, string employment, PatientRandom random)
    {
        var band = Pick(bands, random.NextDouble());
        int income = band.Min + (int)Math.Round((band.Max - band.Min) * random.NextDouble());
        if (age < 16) return 0;
        if (age < 18) return random.NextBoolean(0.5) ? 0 : 1_000 + random.NextInt(11_000);
        if (employment == "student") return Math.Min(income, 30_000);
        return income;
    }

    private static IncomeBand Pick(IReadOnlyList<IncomeBand> bands, double u)
    {
        double total = 0;
        foreach (var band in bands) total += band.Weight;
        double x = u * total;
        foreach (var band in bands)
        {
            if (x < band.Weight) return band;
            x -= band.Weight;
        }
        return bands[^1];
    }

    /// <summary>Marital status by age: shares of single, married, divorced (rest widowed), ACS 2021 rounded.</summary>
    private static string? Marital(int age, double u)
    {
        (double single, double married, double divorced) = age switch
        {
            < 18 => (1, 0, 0),
            < 25 => (0.90, 0.09, 0.01),
            < 35 => (0.52, 0.43, 0.05),
            < 45 => (0.26, 0.60, 0.13),
            < 65 => (0.15, 0.62, 0.18),
            < 75 => (0.07, 0.60, 0.17),
            _ => (0.05, 0.45, 0.10),
        };
        if (age < 18) return null;
        if (u < single) return "S";
        if (u < single + married) return "M";
        if (u < single + married + divorced) return "D";
        return "W";
    }

    private static string Language(Demographics d, double u)
    {
        if (d.Ethnicity == "hispanic" && u < 0.35) return "Spanish";
        if (d.Race == "asian" && u < 0.2) return u < 0.08 ? "Chinese" : u < 0.14 ? "Vietnamese" : "Tagalog";
        return "English";
    }
}
