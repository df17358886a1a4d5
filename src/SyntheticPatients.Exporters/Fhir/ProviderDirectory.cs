using SyntheticPatients.Runtime.Lifecycle.Catalogs;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// What the FHIR resources say about an organization or clinician the records only know by id. An organization of
/// the baseline's <see cref="OrganizationCatalog"/> keeps its name and state; any other id, and every clinician, gets
/// a name derived from the id (the same id always reads the same). Clinicians' NPIs start with 9, a prefix never
/// issued, and carry a valid check digit.
/// </summary>
internal static class ProviderDirectory
{
    private static readonly Lazy<Dictionary<Guid, Organization>> Catalog = new(() =>
    {
        var byId = new Dictionary<Guid, Organization>();
        foreach (var organization in OrganizationCatalog.All) byId.TryAdd(organization.Id, organization);
        return byId;
    });

    /// <summary>The baseline catalog's organization of that id, if it is one.</summary>
    public static Organization? KnownOrganization(Guid id) => Catalog.Value.GetValueOrDefault(id);

    private static readonly string[] Places =
    {
        "Riverside", "Lakeside", "Hillcrest", "Maplewood", "Cedar Grove", "Northgate", "Southfield", "Eastbrook",
        "Westview", "Pinecrest", "Oakridge", "Fairhaven", "Brookside", "Clearwater", "Highland", "Meadowbrook",
    };

    private static readonly string[] Kinds =
    {
        "Primary Care Associates", "Family Medicine", "Community Health Center", "Medical Group", "Health Clinic",
        "General Hospital", "Internal Medicine", "Pediatrics and Family Care",
    };

    private static readonly string[] Given =
    {
        "Alex", "Maria", "James", "Priya", "Daniel", "Sofia", "Michael", "Aisha", "David", "Elena", "Robert", "Mei",
        "William", "Fatima", "Thomas", "Grace", "Carlos", "Hannah", "Samuel", "Olivia", "Joseph", "Leila", "Andrew", "Nora",
    };

    private static readonly string[] Family =
    {
        "Smith", "Johnson", "Garcia", "Nguyen", "Patel", "Kim", "Brown", "Martinez", "Lee", "Wilson", "Anderson", "Lopez",
        "Taylor", "Thomas", "Moore", "Jackson", "Chen", "Walker", "Hall", "Young", "Khan", "Rivera", "Cohen", "Okafor",
    };

    public static string OrganizationName(Guid id)
    {
        if (KnownOrganization(id) is { } known) return known.Name;
        var b = Bytes(id);
        return Places[b[12] % Places.Length] + " " + Kinds[b[13] % Kinds.Length];
    }

    public static (string Given, string Family) PractitionerName(Guid id)
    {
        var b = Bytes(id);
        return (Given[b[12] % Given.Length], Family[b[13] % Family.Length]);
    }

    /// <summary>A 10-digit NPI: 9, eight digits from the id, and the Luhn check digit over the 80840 prefix.</summary>
    public static string Npi(Guid id)
    {
        var b = Bytes(id);
        ulong n = BitConverter.ToUInt64(b, 4) % 100_000_000UL;
        Span<char> digits = stackalloc char[10];
        digits[0] = '9';
        for (int i = 8; i >= 1; i--)
        {
            digits[i] = (char)('0' + (int)(n % 10));
            n /= 10;
        }
        digits[9] = (char)('0' + CheckDigit(digits[..9]));
        return new string(digits);
    }

    /// <summary>The NPI check digit: Luhn over "80840" followed by the first nine digits.</summary>
    internal static int CheckDigit(ReadOnlySpan<char> nine)
    {
        // 80840 contributes 24 to the Luhn sum once doubled in place (the standard constant).
        int sum = 24;
        for (int i = 0; i < nine.Length; i++)
        {
            int d = nine[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static byte[] Bytes(Guid id) => id.ToByteArray(bigEndian: true);
}
