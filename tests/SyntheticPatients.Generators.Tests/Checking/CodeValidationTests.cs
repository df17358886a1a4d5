using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Model;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Checking;

public class CodeValidationTests
{
    [Theory]
    [InlineData("2345-7")]   // glucose
    [InlineData("718-7")]    // hemoglobin
    [InlineData("4548-4")]   // HbA1c
    [InlineData("8480-6")]   // systolic BP
    [InlineData("33914-3")]  // eGFR (MDRD)
    [InlineData("55283-6")]  // fetal heart rate
    [InlineData("1504-0")]   // glucose 1 h post 50 g
    [InlineData("1-8")]      // the first LOINC code
    [InlineData("LA6576-8")] // answer code: shape only
    [InlineData("LP14082-9")] // part code: shape only
    [InlineData("EVE.ASTHMA")]    // local event code
    [InlineData("EVE.ASTHMA.ED")] // local event code
    public void Loinc_accepts_well_formed_codes(string code)
    {
        Assert.True(CodeValidation.IsValidLoinc(code, out var reason), reason);
        Assert.Equal(string.Empty, reason);
    }

    [Theory]
    [InlineData("2345-8", "check digit")]
    [InlineData("14779-1", "check digit of 14779 is 3")]
    [InlineData("23457", "hyphen")]
    [InlineData("2345", "hyphen")]
    [InlineData("2345-", "check digit")]
    [InlineData("-7", "digits")]
    [InlineData("2345-77", "digits")]
    [InlineData("23a5-7", "digits")]
    [InlineData("0718-7", "start with 0")]
    [InlineData("12345678-5", "at most 7")]
    [InlineData("", "empty")]
    [InlineData(" 2345-7", "white space")]
    [InlineData("eve.asthma", "local codes")]
    [InlineData("EVE..ASTHMA", "local codes")]
    [InlineData("EVE", "local codes")]
    [InlineData("LA6576", "LA")]
    public void Loinc_rejects_malformed_codes(string code, string reasonPart)
    {
        Assert.False(CodeValidation.IsValidLoinc(code, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Theory]
    [InlineData("2345", 7)]
    [InlineData("718", 7)]
    [InlineData("12345", 5)] // the worked example of the LOINC manual's algorithm
    [InlineData("14779", 3)]
    [InlineData("0", 0)]
    public void Loinc_check_digit_follows_mod_10(string number, int expected)
        => Assert.Equal(expected, CodeValidation.LoincCheckDigit(number));

    [Theory]
    [InlineData("138875005")] // SNOMED CT root concept
    [InlineData("404684003")] // clinical finding
    [InlineData("195967001")] // asthma
    [InlineData("44054006")]  // type 2 diabetes
    [InlineData("38341003")]  // hypertension
    [InlineData("840539006")] // COVID-19
    [InlineData("433144002")] // CKD stage 3
    [InlineData("100005")]    // six digits, the shortest SCTID
    [InlineData("368581000119106")] // US extension concept: namespace 1000119, partition 10
    public void Snomed_accepts_valid_concept_ids(string code)
    {
        Assert.True(CodeValidation.IsValidSnomedConceptId(code, out var reason), reason);
    }

    [Theory]
    [InlineData("195967002", "Verhoeff check digit of 19596700 is 1")]
    [InlineData("700379004", "Verhoeff")]
    [InlineData("12345", "6 to 18 digits")]
    [InlineData("1234567890123456789", "6 to 18 digits")]
    [InlineData("0195967001", "start with 0")]
    [InlineData("19596A001", "only digits")]
    [InlineData("195967011", "description")]   // partition 01
    [InlineData("195967021", "relationship")]  // partition 02
    [InlineData("195967031", "not a concept partition")]
    [InlineData("1234103", "at least 11 digits")] // partition 10 without a namespace
    [InlineData("", "empty")]
    public void Snomed_rejects_malformed_ids(string code, string reasonPart)
    {
        Assert.False(CodeValidation.IsValidSnomedConceptId(code, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public void Verhoeff_matches_the_textbook_example()
    {
        Assert.Equal(3, CodeValidation.VerhoeffCheckDigit("236"));
        Assert.True(CodeValidation.VerhoeffIsValid("2363"));
        Assert.False(CodeValidation.VerhoeffIsValid("2364"));
        Assert.False(CodeValidation.VerhoeffIsValid(""));
        Assert.False(CodeValidation.VerhoeffIsValid("23a3"));
    }

    [Fact]
    public void Verhoeff_detects_every_single_digit_error_and_adjacent_swap()
    {
        const string valid = "195967001";
        Assert.True(CodeValidation.VerhoeffIsValid(valid));
        for (int i = 0; i < valid.Length; i++)
        {
            for (char d = '0'; d <= '9'; d++)
            {
                if (d == valid[i]) continue;
                var changed = valid.Substring(0, i) + d + valid.Substring(i + 1);
                Assert.False(CodeValidation.VerhoeffIsValid(changed), changed);
            }
            if (i + 1 < valid.Length && valid[i] != valid[i + 1])
            {
                var swapped = valid.Substring(0, i) + valid[i + 1] + valid[i] + valid.Substring(i + 2);
                Assert.False(CodeValidation.VerhoeffIsValid(swapped), swapped);
            }
        }
    }

    [Theory]
    [InlineData("J45.40")]
    [InlineData("E11.9")]
    [InlineData("I10")]
    [InlineData("O24.419")]
    [InlineData("Z79.4")]
    [InlineData("S72.001A")]
    [InlineData("C4A.0")]
    [InlineData("B20")]
    public void Icd10_accepts_well_formed_codes(string code)
        => Assert.True(CodeValidation.IsValidIcd10Cm(code, out var reason), reason);

    [Theory]
    [InlineData("j45.40", "upper case")]
    [InlineData("E119", "E11.9")]
    [InlineData("J4540", "J45.40")]
    [InlineData("E11.", "1 to 4")]
    [InlineData("S72.001AB", "1 to 4")]
    [InlineData("S72.0-1", "1 to 4")]
    [InlineData("1E1.9", "starts with a letter")]
    [InlineData("EE1.9", "starts with a letter")]
    [InlineData("E1", "starts with a letter")]
    [InlineData("E11.9.1", "1 to 4")]
    public void Icd10_rejects_malformed_codes(string code, string reasonPart)
    {
        Assert.False(CodeValidation.IsValidIcd10Cm(code, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Theory]
    [InlineData(CodeSystems.Cvx, "140", true)]
    [InlineData(CodeSystems.Cvx, "08", true)]
    [InlineData(CodeSystems.Cvx, "1400", false)]
    [InlineData(CodeSystems.Cvx, "14a", false)]
    [InlineData(CodeSystems.RxNorm, "860975", true)]
    [InlineData(CodeSystems.RxNorm, "161", true)]
    [InlineData(CodeSystems.RxNorm, "86097S", false)]
    [InlineData(CodeSystems.RxNorm, "12345678901", false)]
    [InlineData(CodeSystems.Ndc, "0002-1433-80", true)]   // 4-4-2
    [InlineData(CodeSystems.Ndc, "50090-347-0", false)]   // 5-3-1 is not an NDC layout
    [InlineData(CodeSystems.Ndc, "50090-3470-0", true)]   // 5-4-1
    [InlineData(CodeSystems.Ndc, "00093-310-05", true)]   // 5-3-2
    [InlineData(CodeSystems.Ndc, "00002-1433-80", true)]  // 5-4-2 (11-digit form)
    [InlineData(CodeSystems.Ndc, "0002143380", true)]
    [InlineData(CodeSystems.Ndc, "00002143380", true)]
    [InlineData(CodeSystems.Ndc, "000214338", false)]
    [InlineData(CodeSystems.Ndc, "0002-1433", false)]
    [InlineData(CodeSystems.Cpt, "99213", true)]
    [InlineData(CodeSystems.Cpt, "3044F", true)]
    [InlineData(CodeSystems.Cpt, "0042T", true)]
    [InlineData(CodeSystems.Cpt, "G8780", true)]  // HCPCS level II, as listed under CPT in the original modules
    [InlineData(CodeSystems.Cpt, "9921", false)]
    [InlineData(CodeSystems.Cpt, "992133", false)]
    [InlineData(CodeSystems.Cpt, "3044f", false)]
    [InlineData(CodeSystems.Cpt, "AB123", false)]
    public void Other_systems_check_their_shapes(string system, string code, bool valid)
    {
        Assert.Equal(valid, CodeValidation.IsValid(system, code, out var reason));
        Assert.Equal(valid, reason.Length == 0);
    }

    [Theory]
    [InlineData("SNOMED-CT", CodeSystems.Snomed)]
    [InlineData("snomed", CodeSystems.Snomed)]
    [InlineData("SNOMED CT", CodeSystems.Snomed)]
    [InlineData("http://snomed.info/sct", CodeSystems.Snomed)]
    [InlineData("ICD-10-CM", CodeSystems.Icd10Cm)]
    [InlineData("icd10", CodeSystems.Icd10Cm)]
    [InlineData("LOINC", CodeSystems.Loinc)]
    [InlineData("http://loinc.org", CodeSystems.Loinc)]
    [InlineData("RxNorm", CodeSystems.RxNorm)]
    [InlineData("cvx", CodeSystems.Cvx)]
    [InlineData("NDC", CodeSystems.Ndc)]
    [InlineData("CPT", CodeSystems.Cpt)]
    [InlineData("HCPCS", CodeSystems.Cpt)]
    [InlineData("DICOM-DCM", null)]
    [InlineData(null, null)]
    public void Systems_are_recognised_in_common_spellings(string? system, string? expected)
        => Assert.Equal(expected, CodeValidation.NormalizeSystem(system));

    [Fact]
    public void Unknown_systems_are_not_checked()
    {
        Assert.True(CodeValidation.IsValid("DICOM-DCM", "anything at all", out var reason));
        Assert.Equal(string.Empty, reason);
    }

    [Fact]
    public void Dispatch_uses_the_system_rules()
    {
        Assert.False(CodeValidation.IsValid("snomed", "195967002", out _));
        Assert.True(CodeValidation.IsValid("icd10", "J45.40", out _));
        Assert.False(CodeValidation.IsValid("LOINC", "2345-8", out _));
    }
}
