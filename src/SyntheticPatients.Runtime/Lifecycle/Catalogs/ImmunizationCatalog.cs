using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A vaccine product (CVX, with its CVX short description as in data/terminology/cvx.csv) and the first day it was in routine US use.</summary>
public sealed record Vaccine(ImmunizationDefinition Definition, DateTime AvailableFrom, DateTime AvailableUntil, decimal BaseCost);

/// <summary>A scheduled series: doses at ages (in days), the product by date, and coverage (NIS-Child, NIS-Teen).</summary>
public sealed record VaccineSeries(string Name, IReadOnlyList<int> DoseAgesInDays, IReadOnlyList<Vaccine> Products, double Coverage, double DoseCompletion, Gender? Sex = null);

/// <summary>
/// The CDC/ACIP immunization schedule the baseline follows, with calendar awareness: a product is only given
/// while it was in routine use (COVID-19 vaccines from 2020-12-14, PCV13 from 2010, 9-valent HPV from 2015 ...).
/// Coverage is rounded from the National Immunization Survey (2019-2021) and FluVaxView.
/// </summary>
public static class ImmunizationCatalog
{
    private static readonly DateTime Always = new(1900, 1, 1);
    private static readonly DateTime Forever = new(9999, 12, 31);

    private static Vaccine V(string cvx, string display, DateTime from, DateTime until, decimal cost = 140m)
        => new(new ImmunizationDefinition(display, new[] { Vax(cvx, display) }), from, until, cost);

    public static readonly DateTime CovidVaccineStart = new(2020, 12, 14);

    public static readonly Vaccine HepBPediatric = V("08", "Hep B, adolescent or pediatric", new(1991, 11, 1), Forever);
    public static readonly Vaccine Dtp = V("01", "DTP", Always, new(1997, 1, 1));
    public static readonly Vaccine DTaP = V("20", "DTaP", new(1997, 1, 1), Forever);
    public static readonly Vaccine Opv = V("02", "OPV", new(1963, 1, 1), new(2000, 1, 1));
    public static readonly Vaccine Ipv = V("10", "IPV", new(2000, 1, 1), Forever);
    public static readonly Vaccine Hib = V("49", "Hib (PRP-OMP)", new(1990, 10, 1), Forever);
    public static readonly Vaccine Pcv7 = V("100", "pneumococcal conjugate PCV 7", new(2000, 2, 17), new(2010, 2, 24));
    public static readonly Vaccine Pcv13 = V("133", "Pneumococcal conjugate PCV 13", new(2010, 2, 24), Forever);
    public static readonly Vaccine Rotavirus = V("116", "rotavirus, pentavalent", new(2006, 2, 3), Forever);
    public static readonly Vaccine Mmr = V("03", "MMR", new(1971, 1, 1), Forever);
    public static readonly Vaccine Varicella = V("21", "varicella", new(1995, 3, 17), Forever);
    public static readonly Vaccine HepAPediatric = V("83", "Hep A, ped/adol, 2 dose", new(2006, 5, 19), Forever);
    public static readonly Vaccine Hpv4 = V("62", "HPV, quadrivalent", new(2006, 6, 8), new(2016, 1, 1));
    public static readonly Vaccine Hpv9 = V("165", "HPV9", new(2016, 1, 1), Forever);
    public static readonly Vaccine Tdap = V("115", "Tdap", new(2005, 6, 30), Forever);
    public static readonly Vaccine MenAcwy = V("114", "meningococcal MCV4P", new(2005, 1, 14), Forever);
    public static readonly Vaccine TdAdult = V("113", "Td (adult) preservative free", new(1990, 1, 1), Forever);
    public static readonly Vaccine FluTrivalent = V("140", "Influenza, seasonal, injectable, preservative free", new(2005, 9, 1), Forever);
    public static readonly Vaccine FluQuadrivalent = V("150", "Influenza, injectable, quadrivalent, preservative free", new(2013, 8, 1), new(2024, 7, 1));
    public static readonly Vaccine CovidPfizer = V("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", CovidVaccineStart, Forever);
    public static readonly Vaccine CovidModerna = V("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", new(2020, 12, 21), Forever);
    public static readonly Vaccine ZosterRecombinant = V("187", "zoster recombinant", new(2017, 10, 25), Forever);
    public static readonly Vaccine Ppsv23 = V("33", "pneumococcal polysaccharide PPV23", new(1983, 1, 1), Forever);

    private static int Months(double months) => (int)Math.Round(months * 30.4375);

    private static int Years(double years) => (int)Math.Round(years * 365.2425);

    /// <summary>The childhood and adolescent series (ACIP schedule; doses at the well-child visit ages).</summary>
    public static readonly IReadOnlyList<VaccineSeries> ChildhoodSeries = new VaccineSeries[]
    {
        new("HepB", new[] { 4, Months(1), Months(6) }, new[] { HepBPediatric }, 0.92, 0.97),
        new("Rotavirus", new[] { Months(2), Months(4), Months(6) }, new[] { Rotavirus }, 0.75, 0.95),
        new("DTaP", new[] { Months(2), Months(4), Months(6), Months(15), Years(4) }, new[] { Dtp, DTaP }, 0.95, 0.95),
        new("Hib", new[] { Months(2), Months(4), Months(12) }, new[] { Hib }, 0.93, 0.95),
        new("PCV", new[] { Months(2), Months(4), Months(6), Months(12) }, new[] { Pcv7, Pcv13 }, 0.93, 0.95),
        new("Polio", new[] { Months(2), Months(4), Months(6), Years(4) }, new[] { Opv, Ipv }, 0.94, 0.97),
        new("MMR", new[] { Months(12), Years(4) }, new[] { Mmr }, 0.91, 0.95),
        new("Varicella", new[] { Months(12), Years(4) }, new[] { Varicella }, 0.90, 0.95),
        new("HepA", new[] { Months(12), Months(18) }, new[] { HepAPediatric }, 0.85, 0.88),
        new("Tdap", new[] { Years(11) }, new[] { Tdap }, 0.90, 1.0),
        new("MenACWY", new[] { Years(11), Years(16) }, new[] { MenAcwy }, 0.89, 0.6),
        new("HPV", new[] { Years(11), Years(11.5) }, new[] { Hpv4, Hpv9 }, 0.75, 0.8),
    };

    public static IEnumerable<Vaccine> All() => new[]
    {
        HepBPediatric, Dtp, DTaP, Opv, Ipv, Hib, Pcv7, Pcv13, Rotavirus, Mmr, Varicella, HepAPediatric, Hpv4, Hpv9, Tdap, MenAcwy,
        TdAdult, FluTrivalent, FluQuadrivalent, CovidPfizer, CovidModerna, ZosterRecombinant, Ppsv23,
    };

    /// <summary>The product of a series in use on <paramref name="date"/>, or null when none was.</summary>
    public static Vaccine? ProductOn(IReadOnlyList<Vaccine> products, DateTime date)
    {
        foreach (var product in products)
        {
            if (date >= product.AvailableFrom && date < product.AvailableUntil) return product;
        }
        return null;
    }

    /// <summary>Seasonal influenza product of the season starting in <paramref name="seasonYear"/>.</summary>
    public static Vaccine FluProduct(int seasonYear) => seasonYear is >= 2013 and < 2024 ? FluQuadrivalent : FluTrivalent;

    /// <summary>Influenza vaccination coverage by age for a season (CDC FluVaxView 2019-2023, rounded).</summary>
    public static double FluCoverage(double age, int seasonYear)
    {
        if (age < 0.5) return 0;
        double coverage = age switch
        {
            < 5 => 0.65,
            < 18 => 0.50,
            < 50 => 0.35,
            < 65 => 0.48,
            _ => 0.70,
        };
        // Universal recommendation from the 2010-11 season; before that mainly 65+, 50-64 and young children.
        if (seasonYear < 2010 && age is >= 5 and < 50) coverage *= 0.4;
        return coverage;
    }
}
