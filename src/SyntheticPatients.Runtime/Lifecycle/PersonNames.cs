using System.Globalization;
using Bogus;
using BogusName = Bogus.DataSets.Name;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Names, street address, phone and identity documents through Bogus, re-seeded per patient from the step's
/// random stream with a local <see cref="Randomizer"/> (the global Randomizer.Seed is never touched). Building a
/// Faker is costly, so each worker thread keeps one (an instance field of the step, not static state); its output
/// depends only on the seed it is given.
/// </summary>
public sealed class PersonNames : IDisposable
{
    private readonly ThreadLocal<Faker> _fakers = new(() => new Faker("en"));

    public void Dispose() => _fakers.Dispose();

    public void Fill(Demographics demographics, int age, PatientRandom random)
    {
        int seed = (int)(random.NextUInt64() & 0x7FFF_FFFF);
        var faker = _fakers.Value!;
        faker.Random = new Randomizer(seed);
        var gender = demographics.Gender == Gender.Female ? BogusName.Gender.Female : BogusName.Gender.Male;

        demographics.First = faker.Name.FirstName(gender);
        demographics.Middle = random.NextBoolean(age >= 18 ? 0.6 : 0.4) ? faker.Name.FirstName(gender) : null;
        demographics.Last = faker.Name.LastName();
        if (demographics.Gender == Gender.Male && random.NextBoolean(0.01)) demographics.Suffix = "Jr.";

        if (age >= 18)
        {
            bool married = demographics.Marital is "M" or "D" or "W";
            demographics.Prefix = demographics.Gender == Gender.Female ? (married ? "Mrs." : "Ms.") : "Mr.";
            if (demographics.Gender == Gender.Female && married && random.NextBoolean(0.75))
            {
                demographics.Maiden = demographics.Last;
                demographics.Last = faker.Name.LastName();
            }
        }

        demographics.Address = faker.Address.StreetAddress() + (random.NextBoolean(0.12) ? " " + faker.Address.SecondaryAddress() : "");
        // 555-01xx style numbers are reserved for fiction; use the 555 exchange as Synthea does.
        demographics.Phone = faker.Phone.PhoneNumber("555-###-####");
        if (age >= 16 && random.NextBoolean(0.85))
        {
            demographics.Drivers = "S999" + random.NextInt(100_000).ToString("D5", CultureInfo.InvariantCulture);
        }
        if (age >= 18 && random.NextBoolean(0.45))
        {
            demographics.Passport = "X" + random.NextInt(100_000_000).ToString("D8", CultureInfo.InvariantCulture) + "X";
        }
    }
}
