namespace SyntheticPatients.Exporters;

/// <summary>How a column's values are typed and written (the same values in CSV text and in Parquet).</summary>
public enum ColumnType
{
    /// <summary>Text, written as it is (CSV: quoted when needed). Parquet: UTF-8 string.</summary>
    Text,

    /// <summary>A UUID, lower-case with dashes (8-4-4-4-12). Parquet: UTF-8 string.</summary>
    Id,

    /// <summary>A UTC instant to the second: <c>yyyy-MM-ddTHH:mm:ssZ</c>. Parquet: timestamp (UTC, milliseconds).</summary>
    Timestamp,

    /// <summary>A calendar date: <c>yyyy-MM-dd</c>. Parquet: date.</summary>
    Date,

    /// <summary>An amount in USD, rounded to cents (half away from zero), written with two decimals. Parquet: decimal(18,2).</summary>
    Money,

    /// <summary>A floating-point number, written as the shortest text that round-trips. Parquet: double.</summary>
    Number,

    /// <summary>A whole number. Parquet: int32.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>. Parquet: boolean.</summary>
    Boolean,
}

/// <summary>One column of a table.</summary>
public sealed record ColumnDefinition(string Name, ColumnType Type, string Description);

/// <summary>One exported table: its name (the file name without extension) and its columns, in order.</summary>
public sealed class TableDefinition
{
    internal TableDefinition(int index, string name, string description, ColumnDefinition[] columns)
    {
        Index = index;
        Name = name;
        Description = description;
        Columns = columns;
        Header = columns.Select(c => c.Name).ToArray();
        Types = columns.Select(c => c.Type).ToArray();
    }

    /// <summary>Position in <see cref="Tables.All"/>.</summary>
    public int Index { get; }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ColumnDefinition> Columns { get; }

    internal string[] Header { get; }

    internal ColumnType[] Types { get; }

    public override string ToString() => Name;
}

/// <summary>
/// The exported tables. The first nine keep Synthea's CSV headers exactly (so tools written for Synthea's CSV, such
/// as OHDSI ETL-Synthea, read them); family_history, deaths and module_attributes are this generator's own.
/// </summary>
public static class Tables
{
    private static int _next;

    private static TableDefinition Table(string name, string description, params ColumnDefinition[] columns) =>
        new(_next++, name, description, columns);

    private static ColumnDefinition C(string name, ColumnType type, string description) => new(name, type, description);

    private const string PatientId = "The patient (patients.Id).";
    private const string EncounterId = "The encounter it was recorded in (encounters.Id); never empty (see Encounter links).";

    public static readonly TableDefinition Patients = Table("patients",
        "One row per patient: identity, demographics, address and lifetime costs.",
        C("Id", ColumnType.Id, "Patient identifier."),
        C("BIRTHDATE", ColumnType.Date, "Date of birth."),
        C("DEATHDATE", ColumnType.Date, "Date of death; empty while alive at the end of the simulation."),
        C("SSN", ColumnType.Text, "Social security number, in the never-issued 999-xx-xxxx range."),
        C("DRIVERS", ColumnType.Text, "Driver's licence number; empty if none."),
        C("PASSPORT", ColumnType.Text, "Passport number; empty if none."),
        C("PREFIX", ColumnType.Text, "Name prefix (Mr., Mrs., Ms., Dr.); empty for children."),
        C("FIRST", ColumnType.Text, "Given name."),
        C("MIDDLE", ColumnType.Text, "Middle name; empty if none."),
        C("LAST", ColumnType.Text, "Family name."),
        C("SUFFIX", ColumnType.Text, "Name suffix (Jr., PhD, MD); empty if none."),
        C("MAIDEN", ColumnType.Text, "Maiden name; empty if none."),
        C("MARITAL", ColumnType.Text, "M (married), S (single), D (divorced), W (widowed); empty for children."),
        C("RACE", ColumnType.Text, "white, black, asian, native, hawaiian or other."),
        C("ETHNICITY", ColumnType.Text, "hispanic or nonhispanic."),
        C("GENDER", ColumnType.Text, "M or F."),
        C("BIRTHPLACE", ColumnType.Text, "Town, state and country of birth."),
        C("ADDRESS", ColumnType.Text, "Street address."),
        C("CITY", ColumnType.Text, "City."),
        C("STATE", ColumnType.Text, "State."),
        C("COUNTY", ColumnType.Text, "County; empty if unknown."),
        C("FIPS", ColumnType.Text, "County FIPS code; empty if unknown."),
        C("ZIP", ColumnType.Text, "ZIP code (text: keeps leading zeros)."),
        C("LAT", ColumnType.Number, "Latitude of the address, decimal degrees."),
        C("LON", ColumnType.Number, "Longitude of the address, decimal degrees."),
        C("HEALTHCARE_EXPENSES", ColumnType.Money, "Lifetime healthcare costs paid by the patient, USD."),
        C("HEALTHCARE_COVERAGE", ColumnType.Money, "Lifetime healthcare costs paid by payers, USD."),
        C("INCOME", ColumnType.Integer, "Yearly household income, USD."));

    public static readonly TableDefinition Encounters = Table("encounters",
        "One row per encounter (visit, admission, call).",
        C("Id", ColumnType.Id, "Encounter identifier."),
        C("START", ColumnType.Timestamp, "When the encounter started."),
        C("STOP", ColumnType.Timestamp, "When the encounter ended."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ORGANIZATION", ColumnType.Id, "The organization (facility) where it took place."),
        C("PROVIDER", ColumnType.Id, "The clinician who saw the patient."),
        C("PAYER", ColumnType.Id, "The payer billed; empty when uninsured."),
        C("ENCOUNTERCLASS", ColumnType.Text, "ambulatory, wellness, outpatient, emergency, urgentcare, inpatient, virtual or home."),
        C("CODE", ColumnType.Text, "Encounter type code (SNOMED-CT when the encounter has one, else its first code)."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE (the encounter type's name when the code has no display)."),
        C("BASE_ENCOUNTER_COST", ColumnType.Money, "Cost of the encounter itself, USD."),
        C("TOTAL_CLAIM_COST", ColumnType.Money, "Encounter claim: BASE_ENCOUNTER_COST plus the BASE_COST of the procedures and immunizations recorded in it, USD."),
        C("PAYER_COVERAGE", ColumnType.Money, "Amount the payer covered, USD; empty: claims are not modelled yet."),
        C("REASONCODE", ColumnType.Text, "Code of the reason for the encounter (usually SNOMED-CT); empty if none."),
        C("REASONDESCRIPTION", ColumnType.Text, "Display of REASONCODE."));

    public static readonly TableDefinition Conditions = Table("conditions",
        "One row per diagnosis (condition onset).",
        C("START", ColumnType.Date, "Onset date."),
        C("STOP", ColumnType.Date, "Resolution date; empty while active."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("SYSTEM", ColumnType.Text, "Code system of CODE: SNOMED-CT, or ICD-10-CM when the condition has no SNOMED-CT code (else the first code's system)."),
        C("CODE", ColumnType.Text, "Diagnosis code."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE (the condition's name when the code has no display)."));

    public static readonly TableDefinition Medications = Table("medications",
        "One row per medication order.",
        C("START", ColumnType.Timestamp, "When the medication was started."),
        C("STOP", ColumnType.Timestamp, "When it was stopped; empty while still taken."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("PAYER", ColumnType.Id, "The payer billed; empty when uninsured."),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("CODE", ColumnType.Text, "RxNorm code (else the medication's first code)."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("BASE_COST", ColumnType.Money, "Cost of one dispense, USD."),
        C("PAYER_COVERAGE", ColumnType.Money, "Amount the payer covered, USD; empty: claims are not modelled yet."),
        C("DISPENSES", ColumnType.Integer, "Number of dispenses (fills) over the order."),
        C("TOTALCOST", ColumnType.Money, "BASE_COST × DISPENSES, USD."),
        C("REASONCODE", ColumnType.Text, "Code of the condition treated; empty if none."),
        C("REASONDESCRIPTION", ColumnType.Text, "Display of REASONCODE."));

    public static readonly TableDefinition Observations = Table("observations",
        "One row per observation (vital sign, laboratory result, survey score...).",
        C("DATE", ColumnType.Timestamp, "When it was observed."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("CATEGORY", ColumnType.Text, "vital-signs, laboratory, survey, social-history...; empty if the definition has none."),
        C("CODE", ColumnType.Text, "LOINC code (else the observation's first code)."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("VALUE", ColumnType.Text, "The result: a number (shortest round-trip text, '.' decimal point) when TYPE is numeric, else text."),
        C("UNITS", ColumnType.Text, "UCUM units of a numeric VALUE; empty if none."),
        C("TYPE", ColumnType.Text, "numeric or text."));

    public static readonly TableDefinition Procedures = Table("procedures",
        "One row per procedure performed.",
        C("START", ColumnType.Timestamp, "When the procedure started."),
        C("STOP", ColumnType.Timestamp, "When it ended."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("SYSTEM", ColumnType.Text, "Code system of CODE: SNOMED-CT, else the procedure's first code's system (CPT...)."),
        C("CODE", ColumnType.Text, "Procedure code."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("BASE_COST", ColumnType.Money, "Cost of the procedure, USD."),
        C("REASONCODE", ColumnType.Text, "Code of the reason (a condition); empty if none."),
        C("REASONDESCRIPTION", ColumnType.Text, "Display of REASONCODE."));

    public static readonly TableDefinition Immunizations = Table("immunizations",
        "One row per vaccine dose given.",
        C("DATE", ColumnType.Timestamp, "When it was given."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("CODE", ColumnType.Text, "CVX code (else the vaccine's first code)."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("BASE_COST", ColumnType.Money, "Cost of the dose, USD."));

    public static readonly TableDefinition Allergies = Table("allergies",
        "One row per allergy or intolerance.",
        C("START", ColumnType.Date, "When it was recorded."),
        C("STOP", ColumnType.Date, "When it resolved; empty while active."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("CODE", ColumnType.Text, "Substance code."),
        C("SYSTEM", ColumnType.Text, "Code system of CODE: SNOMED-CT, else RxNorm (drugs), else the first code's system."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("TYPE", ColumnType.Text, "allergy or intolerance."),
        C("CATEGORY", ColumnType.Text, "food, medication, environment or biologic."),
        C("REACTION1", ColumnType.Text, "SNOMED-CT code of the first reaction; empty if none."),
        C("DESCRIPTION1", ColumnType.Text, "Display of REACTION1."),
        C("SEVERITY1", ColumnType.Text, "Severity of the first reaction (as recorded: mild, moderate, severe)."),
        C("REACTION2", ColumnType.Text, "SNOMED-CT code of the second reaction; empty if none."),
        C("DESCRIPTION2", ColumnType.Text, "Display of REACTION2."),
        C("SEVERITY2", ColumnType.Text, "Severity of the second reaction."));

    public static readonly TableDefinition CarePlans = Table("careplans",
        "One row per care plan.",
        C("Id", ColumnType.Id, "Care plan identifier."),
        C("START", ColumnType.Date, "When the plan started."),
        C("STOP", ColumnType.Date, "When it ended; empty while active."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("ENCOUNTER", ColumnType.Id, EncounterId),
        C("CODE", ColumnType.Text, "Care plan code (SNOMED-CT, else the first code)."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("REASONCODE", ColumnType.Text, "Code of the condition the plan addresses; empty if none."),
        C("REASONDESCRIPTION", ColumnType.Text, "Display of REASONCODE."));

    public static readonly TableDefinition FamilyHistory = Table("family_history",
        "One row per condition of a relative.",
        C("Id", ColumnType.Id, "Entry identifier."),
        C("PATIENT", ColumnType.Id, PatientId),
        C("DATE", ColumnType.Date, "When it was recorded."),
        C("RELATION_CODE", ColumnType.Text, "HL7 v3 RoleCode of the relative: MTH, FTH, BRO, SIS, GRMTH, GRFTH..."),
        C("RELATION", ColumnType.Text, "The relative, in words (mother, father...)."),
        C("SYSTEM", ColumnType.Text, "Code system of CODE: SNOMED-CT, else ICD-10-CM, else the first code's system."),
        C("CODE", ColumnType.Text, "The relative's condition."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("ONSET_AGE", ColumnType.Integer, "The relative's age at onset, years; empty if unknown."),
        C("DECEASED", ColumnType.Boolean, "Whether the relative died of it."));

    public static readonly TableDefinition Deaths = Table("deaths",
        "One row per patient who died during the simulation.",
        C("PATIENT", ColumnType.Id, PatientId),
        C("DATE", ColumnType.Timestamp, "When the patient died (patients.DEATHDATE is its date)."),
        C("AGE", ColumnType.Integer, "Age at death in whole years."),
        C("ENCOUNTER", ColumnType.Id, "The encounter in which death was pronounced: the one in progress, else a Death Certification encounter (see Encounter links)."),
        C("SYSTEM", ColumnType.Text, "Code system of CODE, chosen as for conditions (SNOMED-CT, else ICD-10-CM); empty when the cause is unknown."),
        C("CODE", ColumnType.Text, "Underlying cause of death; empty when unknown."),
        C("DESCRIPTION", ColumnType.Text, "Display of CODE."),
        C("MANNER", ColumnType.Text, "natural, accident, suicide, homicide or undetermined."));

    public static readonly TableDefinition ModuleAttributes = Table("module_attributes",
        "One row per attribute a module left set on a patient at the end of the simulation.",
        C("PATIENT", ColumnType.Id, PatientId),
        C("MODULE", ColumnType.Text, "The module that set it."),
        C("ATTRIBUTE", ColumnType.Text, "Attribute name."),
        C("VALUE", ColumnType.Text, "Its value, as text."));

    /// <summary>Every table, in file order.</summary>
    public static IReadOnlyList<TableDefinition> All { get; } = new[]
    {
        Patients, Encounters, Conditions, Medications, Observations, Procedures, Immunizations, Allergies, CarePlans,
        FamilyHistory, Deaths, ModuleAttributes,
    };

    /// <summary>The table called <paramref name="name"/>, or null.</summary>
    public static TableDefinition? Find(string name)
    {
        foreach (var t in All)
        {
            if (string.Equals(t.Name, name, StringComparison.Ordinal)) return t;
        }
        return null;
    }
}
