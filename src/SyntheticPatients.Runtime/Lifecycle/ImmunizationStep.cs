using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Immunizations by the CDC/ACIP schedule with realistic coverage and calendar awareness (<see cref="ImmunizationCatalog"/>):
/// the childhood and adolescent series, seasonal influenza, COVID-19 from 2020-12-14 only, adult Td boosters, zoster
/// from 50 and pneumococcal vaccines from 65. Each dose is given at a wellness visit near its date (one is created
/// when there is none), never before birth or after the end of the record.
/// </summary>
public sealed class ImmunizationStep : IPatientStep
{
    public string Name => "immunizations";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Immunizations)) return;
        var random = context.Random;
        var d = record.Demographics;
        var vitals = new LateVitals(record, random);

        foreach (var series in ImmunizationCatalog.ChildhoodSeries)
        {
            double takes = random.NextDouble();
            bool eligible = series.Sex is null || series.Sex == d.Gender;
            bool completing = true;
            foreach (int days in series.DoseAgesInDays)
            {
                double completes = random.NextDouble();
                var target = d.BirthDate.AddDays(days);
                if (!eligible || takes >= series.Coverage || !completing) continue;
                var product = ImmunizationCatalog.ProductOn(series.Products, target);
                if (product is null) continue;
                Give(record, random, vitals, product, target, 21);
                completing = completes < series.DoseCompletion;
            }
        }
        AddInfluenza(record, random, vitals);
        AddCovid(record, random, vitals);
        AddAdultBoosters(record, random, vitals);
    }

    private static void AddInfluenza(PatientRecord record, PatientRandom random, LateVitals vitals)
    {
        var d = record.Demographics;
        var end = record.End;
        double propensity = random.NextDouble();
        for (int season = Math.Max(d.BirthDate.Year, 2005); season <= end.Year; season++)
        {
            var seasonStart = new DateTime(season, 9, 1);
            var target = LifeDates.DayBetween(random, seasonStart, new DateTime(season, 12, 15));
            double u = random.NextDouble();
            double age = LifeDates.AgeAt(d.BirthDate, target);
            // People who got one flu shot tend to get the next: mix a stable propensity with a yearly draw.
            double draw = 0.6 * propensity + 0.4 * u;
            if (draw >= ImmunizationCatalog.FluCoverage(age, season)) continue;
            Give(record, random, vitals, ImmunizationCatalog.FluProduct(season), target, 45);
        }
    }

    private static void AddCovid(PatientRecord record, PatientRandom random, LateVitals vitals)
    {
        var d = record.Demographics;
        double u = random.NextDouble();
        double booster = random.NextDouble();
        bool moderna = random.NextBoolean(0.4);
        var product = moderna ? ImmunizationCatalog.CovidModerna : ImmunizationCatalog.CovidPfizer;
        // Eligibility by age (EUA dates): 75+ from 2020-12-14 (health care and care homes), 65+ January 2021,
        // 16+ April 2021, 12+ May 2021; pediatric products are not modelled, so under 12 gets none.
        var birth = d.BirthDate;
        DateTime? eligible = null;
        foreach (var (minAge, from) in new[] { (75, ImmunizationCatalog.CovidVaccineStart), (65, new DateTime(2021, 1, 15)), (16, new DateTime(2021, 4, 19)), (12, new DateTime(2021, 5, 13)) })
        {
            var candidate = LifeDates.Max(from, birth.AddYears(minAge));
            if (eligible is null || candidate < eligible) eligible = candidate;
        }
        double age2021 = LifeDates.AgeAt(birth, new DateTime(2021, 6, 1));
        double coverage = age2021 switch { < 18 => 0.55, < 50 => 0.70, < 65 => 0.80, _ => 0.92 };
        if (u >= coverage || eligible is not { } first) return;
        if (first < product.AvailableFrom) first = product.AvailableFrom;
        var dose1 = first.AddDays(random.NextInt(60));
        Give(record, random, vitals, product, dose1, 0);
        Give(record, random, vitals, product, dose1.AddDays(moderna ? 28 : 21), 0);
        if (booster < 0.55) Give(record, random, vitals, product, LifeDates.Max(dose1.AddDays(180), new DateTime(2021, 9, 22)).AddDays(random.NextInt(90)), 0);
    }

    private static void AddAdultBoosters(PatientRecord record, PatientRandom random, LateVitals vitals)
    {
        var d = record.Demographics;
        var birth = d.BirthDate;
        // Td/Tdap every 10 years from 21 (about 60% up to date, NHIS 2018).
        for (int age = 21; age < 100; age += 10)
        {
            double u = random.NextDouble();
            var target = birth.AddYears(age).AddDays(random.NextInt(365));
            if (u >= 0.6) continue;
            var product = target >= ImmunizationCatalog.Tdap.AvailableFrom && u < 0.25 ? ImmunizationCatalog.Tdap : ImmunizationCatalog.TdAdult;
            if (target >= product.AvailableFrom) Give(record, random, vitals, product, target, 120);
        }
        // Recombinant zoster from 50: two doses 2-6 months apart (~30% of 50+, NHIS 2021).
        double zoster = random.NextDouble();
        var zosterStart = LifeDates.Max(birth.AddYears(50), ImmunizationCatalog.ZosterRecombinant.AvailableFrom).AddDays(random.NextInt(3 * 365));
        if (zoster < 0.3)
        {
            Give(record, random, vitals, ImmunizationCatalog.ZosterRecombinant, zosterStart, 120);
            Give(record, random, vitals, ImmunizationCatalog.ZosterRecombinant, zosterStart.AddDays(60 + random.NextInt(120)), 30);
        }
        // Pneumococcal at 65 (~65% of 65+): PCV13 then PPSV23 a year later between 2014 and 2021, else PPSV23.
        double pneumo = random.NextDouble();
        var at65 = birth.AddYears(65).AddDays(random.NextInt(365));
        if (pneumo < 0.65)
        {
            if (at65 >= new DateTime(2014, 9, 19) && at65 < new DateTime(2021, 10, 20))
            {
                Give(record, random, vitals, ImmunizationCatalog.Pcv13, at65, 120);
                Give(record, random, vitals, ImmunizationCatalog.Ppsv23, at65.AddYears(1), 120);
            }
            else
            {
                Give(record, random, vitals, ImmunizationCatalog.Ppsv23, at65, 120);
            }
        }
    }

    /// <summary>Gives the vaccine at the wellness visit nearest <paramref name="target"/> or at a vaccine visit created for it.</summary>
    private static void Give(PatientRecord record, PatientRandom random, LateVitals vitals, Vaccine vaccine, DateTime target, int windowDays)
    {
        var d = record.Demographics;
        var end = record.End;
        if (target < d.BirthDate || target >= end || target < vaccine.AvailableFrom || target >= vaccine.AvailableUntil) return;
        var encounter = windowDays > 0
            ? EncounterFactory.Nearest(record, target, windowDays, e => EncounterFactory.IsWellness(e) && e.Start >= vaccine.AvailableFrom && e.Start < vaccine.AvailableUntil)
            : null;
        if (encounter is not null && HasVaccine(record, encounter.Id, vaccine)) encounter = null;
        if (encounter is null && record.RunsBaseline(ModuleCategories.Encounters))
        {
            encounter = EncounterFactory.Create(record, random, EncounterCatalog.VaccineVisit, target, null);
            if (encounter is null) return;
            vitals.For(encounter);
        }
        var date = encounter is null ? target : EncounterFactory.Inside(encounter, 15);
        if (date < vaccine.AvailableFrom || date >= end) return;
        record.Immunizations.Add(new ImmunizationRecord(date, encounter?.Id, vaccine.Definition, vaccine.BaseCost, "baseline"));
    }

    private static bool HasVaccine(PatientRecord record, Guid encounterId, Vaccine vaccine)
    {
        foreach (var immunization in record.Immunizations)
        {
            if (immunization.EncounterId == encounterId && immunization.Definition == vaccine.Definition) return true;
        }
        return false;
    }
}
