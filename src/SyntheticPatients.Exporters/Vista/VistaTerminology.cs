using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>The fixed VistA reference entries the export points at: states, clinic stops, measurement types.</summary>
internal static class VistaTerminology
{
    /// <summary>A STATE (#5) entry: VistA numbers states by their FIPS code.</summary>
    public sealed record State(string Name, string Abbreviation, int Fips);

    /// <summary>A CLINIC STOP (#40.7) entry: the IEN is the stop code.</summary>
    public sealed record Stop(int Code, string Name);

    public static readonly IReadOnlyList<State> States = new State[]
    {
        new("ALABAMA", "AL", 1),
        new("ALASKA", "AK", 2),
        new("ARIZONA", "AZ", 4),
        new("ARKANSAS", "AR", 5),
        new("CALIFORNIA", "CA", 6),
        new("COLORADO", "CO", 8),
        new("CONNECTICUT", "CT", 9),
        new("DELAWARE", "DE", 10),
        new("DISTRICT OF COLUMBIA", "DC", 11),
        new("FLORIDA", "FL", 12),
        new("GEORGIA", "GA", 13),
        new("HAWAII", "HI", 15),
        new("IDAHO", "ID", 16),
        new("ILLINOIS", "IL", 17),
        new("INDIANA", "IN", 18),
        new("IOWA", "IA", 19),
        new("KANSAS", "KS", 20),
        new("KENTUCKY", "KY", 21),
        new("LOUISIANA", "LA", 22),
        new("MAINE", "ME", 23),
        new("MARYLAND", "MD", 24),
        new("MASSACHUSETTS", "MA", 25),
        new("MICHIGAN", "MI", 26),
        new("MINNESOTA", "MN", 27),
        new("MISSISSIPPI", "MS", 28),
        new("MISSOURI", "MO", 29),
        new("MONTANA", "MT", 30),
        new("NEBRASKA", "NE", 31),
        new("NEVADA", "NV", 32),
        new("NEW HAMPSHIRE", "NH", 33),
        new("NEW JERSEY", "NJ", 34),
        new("NEW MEXICO", "NM", 35),
        new("NEW YORK", "NY", 36),
        new("NORTH CAROLINA", "NC", 37),
        new("NORTH DAKOTA", "ND", 38),
        new("OHIO", "OH", 39),
        new("OKLAHOMA", "OK", 40),
        new("OREGON", "OR", 41),
        new("PENNSYLVANIA", "PA", 42),
        new("RHODE ISLAND", "RI", 44),
        new("SOUTH CAROLINA", "SC", 45),
        new("SOUTH DAKOTA", "SD", 46),
        new("TENNESSEE", "TN", 47),
        new("TEXAS", "TX", 48),
        new("UTAH", "UT", 49),
        new("VERMONT", "VT", 50),
        new("VIRGINIA", "VA", 51),
        new("WASHINGTON", "WA", 53),
        new("WEST VIRGINIA", "WV", 54),
        new("WISCONSIN", "WI", 55),
        new("WYOMING", "WY", 56),
        new("AMERICAN SAMOA", "AS", 60),
        new("GUAM", "GU", 66),
        new("NORTHERN MARIANA ISLANDS", "MP", 69),
        new("PUERTO RICO", "PR", 72),
        new("VIRGIN ISLANDS", "VI", 78),
    };

    private static readonly Dictionary<string, State> StateLookup = BuildStateLookup();

    private static Dictionary<string, State> BuildStateLookup()
    {
        var lookup = new Dictionary<string, State>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in States)
        {
            lookup[s.Name] = s;
            lookup[s.Abbreviation] = s;
        }
        return lookup;
    }

    /// <summary>The state named (full name or postal abbreviation, any case), or null.</summary>
    public static State? FindState(string? name) =>
        name is not null && StateLookup.TryGetValue(name.Trim(), out var s) ? s : null;

    /// <summary>
    /// The clinic stop of an encounter class (none for inpatient stays: a hospitalization has no stop code).
    /// </summary>
    public static Stop? StopFor(EncounterClass encounterClass) => encounterClass switch
    {
        EncounterClass.Ambulatory or EncounterClass.Wellness => PrimaryCare,
        EncounterClass.Outpatient => GeneralMedicine,
        EncounterClass.Emergency => Emergency,
        EncounterClass.Urgentcare => UrgentCare,
        EncounterClass.Virtual => Telehealth,
        EncounterClass.Home => HomeCare,
        _ => null,
    };

    private static readonly Stop PrimaryCare = new(323, "PRIMARY CARE/MEDICINE");
    private static readonly Stop GeneralMedicine = new(301, "GENERAL INTERNAL MEDICINE");
    private static readonly Stop Emergency = new(130, "EMERGENCY DEPT");
    private static readonly Stop UrgentCare = new(131, "URGENT CARE UNIT");
    private static readonly Stop Telehealth = new(179, "REAL TIME CLINICAL VIDEO CARE TO HOME");
    private static readonly Stop HomeCare = new(118, "HOME TREATMENT SERVICES");

    /// <summary>
    /// VISIT SERVICE CATEGORY (set of codes): H hospitalization, T telecommunications, A ambulatory for everything
    /// else (VistA's E means "historical event", not emergency).
    /// </summary>
    public static string ServiceCategory(EncounterClass encounterClass) => encounterClass switch
    {
        EncounterClass.Inpatient => "H",
        EncounterClass.Virtual => "T",
        _ => "A",
    };

    /// <summary>VistA's abbreviation of a vital sign measurement type, by LOINC code ("" when there is none).</summary>
    public static string MeasurementAbbreviation(string? loinc) => loinc switch
    {
        "8480-6" => "BPS",
        "8462-4" => "BPD",
        "85354-9" or "55284-4" => "BP",
        "8867-4" => "PU",
        "9279-1" => "RS",
        "8310-5" or "8331-1" => "TMP",
        "2708-6" or "59408-5" => "PO2",
        "8302-2" or "8306-3" => "HT",
        "29463-7" => "WT",
        "39156-5" => "BMI",
        "72514-3" => "PN",
        "9843-4" or "8287-5" => "HC",
        _ => "",
    };
}
