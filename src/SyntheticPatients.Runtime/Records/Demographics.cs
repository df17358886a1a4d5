namespace SyntheticPatients.Runtime.Records;

/// <summary>Identity, demographics and social determinants of health of one patient.</summary>
public sealed class Demographics
{
    public Guid Id { get; set; }

    /// <summary>Medical record number, unique in a run (derived from the patient index).</summary>
    public string Mrn { get; set; } = "";

    /// <summary>Social security number in the never-issued 999-xx-xxxx range.</summary>
    public string Ssn { get; set; } = "";

    public string? Drivers { get; set; }
    public string? Passport { get; set; }
    public string? Prefix { get; set; }
    public string First { get; set; } = "";
    public string? Middle { get; set; }
    public string Last { get; set; } = "";
    public string? Suffix { get; set; }
    public string? Maiden { get; set; }

    /// <summary>M (married), S (single), D (divorced), W (widowed), or null for children.</summary>
    public string? Marital { get; set; }

    /// <summary>Gender as M or F.</summary>
    public Gender Gender { get; set; }

    /// <summary>Race label (white, black, asian, native, hawaiian, other).</summary>
    public string Race { get; set; } = "";

    /// <summary>hispanic or nonhispanic.</summary>
    public string Ethnicity { get; set; } = "";

    public DateTime BirthDate { get; set; }

    /// <summary>The end of the simulated period (the run's end date).</summary>
    public DateTime SimulationEnd { get; set; }

    public string Birthplace { get; set; } = "";
    public string Address { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string? County { get; set; }
    public string? Fips { get; set; }
    public string Zip { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string Phone { get; set; } = "";
    public string Language { get; set; } = "English";

    // Social determinants (labels from the scenario's distributions).
    public string Smoking { get; set; } = "";
    public string Alcohol { get; set; } = "";
    public string Education { get; set; } = "";
    public string Employment { get; set; } = "";
    public string Housing { get; set; } = "";
    public string Insurance { get; set; } = "";

    /// <summary>Yearly household income in USD.</summary>
    public int Income { get; set; }

    public decimal HealthcareExpenses { get; set; }
    public decimal HealthcareCoverage { get; set; }

    /// <summary>Age in whole years at <paramref name="date"/>.</summary>
    public int AgeAt(DateTime date)
    {
        int age = date.Year - BirthDate.Year;
        if (date < BirthDate.AddYears(age)) age--;
        return Math.Max(0, age);
    }
}
