using System.Globalization;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Shape and check-digit rules for the code systems modules use. Each method returns whether the code is
/// well formed and, when it is not, a short reason that completes the sentence "LOINC code 'x' is malformed: ...".
/// These are format checks only: a well-formed code may still not exist in the terminology.
/// </summary>
public static class CodeValidation
{
    /// <summary>
    /// Validates <paramref name="code"/> by the rules of <paramref name="system"/> (any spelling that
    /// <see cref="NormalizeSystem"/> knows). Codes of systems it does not know are accepted.
    /// </summary>
    public static bool IsValid(string system, string code, out string reason)
    {
        switch (NormalizeSystem(system))
        {
            case CodeSystems.Loinc: return IsValidLoinc(code, out reason);
            case CodeSystems.Snomed: return IsValidSnomedConceptId(code, out reason);
            case CodeSystems.Icd10Cm: return IsValidIcd10Cm(code, out reason);
            case CodeSystems.Cvx: return IsValidCvx(code, out reason);
            case CodeSystems.RxNorm: return IsValidRxNorm(code, out reason);
            case CodeSystems.Ndc: return IsValidNdc(code, out reason);
            case CodeSystems.Cpt: return IsValidCpt(code, out reason);
            default:
                reason = string.Empty;
                return true;
        }
    }

    /// <summary>
    /// Whether a malformed code has the right shape and only its check digit is wrong (LOINC mod-10, SNOMED CT
    /// Verhoeff): the code is not a real code, but the module is still buildable, so this is reported as a warning.
    /// </summary>
    public static bool IsCheckDigitOnlyFailure(string system, string code)
    {
        if (code.Length < 2 || !IsDigit(code[code.Length - 1])) return false;
        var body = code.Substring(0, code.Length - 1);
        switch (NormalizeSystem(system))
        {
            case CodeSystems.Loinc:
                return body.EndsWith("-", System.StringComparison.Ordinal) && AllDigits(body, 0, body.Length - 1) && body.Length > 1
                    && IsValidLoinc(body + Invariant(LoincCheckDigit(body.Substring(0, body.Length - 1))), out _);
            case CodeSystems.Snomed:
                return AllDigits(body, 0, body.Length) && IsValidSnomedConceptId(body + Invariant(VerhoeffCheckDigit(body)), out _);
            default:
                return false;
        }
    }

    /// <summary>
    /// The <see cref="CodeSystems"/> name for a system as authors write it (case, spaces and punctuation are ignored:
    /// "snomed", "SNOMED CT", "icd10", "ICD-10-CM", "LN", "RxNorm", "CPT-4", "HCPCS", FHIR system URIs...), or null.
    /// </summary>
    public static string? NormalizeSystem(string? system)
    {
        if (system is null) return null;
        var key = new System.Text.StringBuilder(system.Length);
        foreach (var c in system)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToUpperInvariant(c));
        }
        switch (key.ToString())
        {
            case "SNOMEDCT":
            case "SNOMED":
            case "SCT":
            case "SNOMEDCTUS":
            case "HTTPSNOMEDINFOSCT":
                return CodeSystems.Snomed;
            case "ICD10CM":
            case "ICD10":
            case "HTTPHL7ORGFHIRSIDICD10CM":
                return CodeSystems.Icd10Cm;
            case "LOINC":
            case "LN":
            case "HTTPLOINCORG":
                return CodeSystems.Loinc;
            case "RXNORM":
            case "HTTPWWWNLMNIHGOVRESEARCHUMLSRXNORM":
                return CodeSystems.RxNorm;
            case "CVX":
            case "HTTPHL7ORGFHIRSIDCVX":
                return CodeSystems.Cvx;
            case "NDC":
            case "HTTPHL7ORGFHIRSIDNDC":
                return CodeSystems.Ndc;
            case "CPT":
            case "CPT4":
            case "HCPCS":
            case "HTTPWWWAMAASSNORGGOCPT":
                return CodeSystems.Cpt;
            default:
                return null;
        }
    }

    /// <summary>
    /// LOINC: <c>NNNNN-C</c>, the LOINC number (no leading zero) then a hyphen and its mod-10 check digit
    /// (<see cref="LoincCheckDigit"/>). Also accepted, by shape only: LOINC part, answer and group codes
    /// (<c>LP…-C</c>, <c>LA…-C</c>, <c>LG…-C</c>) and local codes written as upper-case dotted identifiers
    /// (<c>EVE.ASTHMA</c>), which modules use for events that have no LOINC code.
    /// </summary>
    public static bool IsValidLoinc(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (IsLocalDottedCode(code)) return Ok(out reason);
        int hyphen = code.IndexOf('-');
        if (code.Length > 2 && code[0] == 'L' && (code[1] == 'P' || code[1] == 'A' || code[1] == 'G'))
        {
            if (hyphen > 2 && hyphen == code.Length - 2 && AllDigits(code, 2, hyphen - 2) && IsDigit(code[code.Length - 1]))
            {
                return Ok(out reason);
            }
            return Fail(out reason, $"a LOINC {code.Substring(0, 2)} code is written {code.Substring(0, 2)}NNNN-C");
        }
        if (hyphen < 0)
        {
            return Fail(out reason, AllDigits(code, 0, code.Length)
                ? "a LOINC code ends with a hyphen and a check digit, as in 2345-7"
                : "a LOINC code is digits, a hyphen and a check digit, as in 2345-7 (local codes are upper-case dotted names such as EVE.ASTHMA)");
        }
        if (hyphen == 0 || hyphen != code.Length - 2 || !AllDigits(code, 0, hyphen) || !IsDigit(code[code.Length - 1]))
        {
            return Fail(out reason, "a LOINC code is digits, a hyphen and one check digit, as in 2345-7");
        }
        if (hyphen > 7) return Fail(out reason, "a LOINC number has at most 7 digits before the hyphen");
        if (code[0] == '0') return Fail(out reason, "a LOINC number does not start with 0");
        var number = code.Substring(0, hyphen);
        int expected = LoincCheckDigit(number);
        int actual = code[code.Length - 1] - '0';
        if (expected != actual)
        {
            return Fail(out reason, $"its check digit is {Invariant(actual)}, but the LOINC mod-10 check digit of {number} is {Invariant(expected)}, so it has a typo or is not a LOINC code");
        }
        return Ok(out reason);
    }

    /// <summary>
    /// The LOINC check digit of a LOINC number (the Luhn mod-10 scheme): from the rightmost digit leftwards,
    /// double every other digit starting with the rightmost, add the digits of all the results, and take the
    /// amount that brings the sum up to a multiple of 10.
    /// </summary>
    public static int LoincCheckDigit(string digits)
    {
        int sum = 0;
        bool doubleIt = true;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>
    /// SNOMED CT concept identifier (SCTID): 6 to 18 digits, no leading zero; the 2nd and 3rd digits from the
    /// right are the partition identifier, which for a concept is 00 (international) or 10 (extension, which
    /// also carries a 7-digit namespace); the last digit is a Verhoeff check digit over the rest.
    /// </summary>
    public static bool IsValidSnomedConceptId(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (!AllDigits(code, 0, code.Length)) return Fail(out reason, "an SCTID has only digits");
        if (code.Length < 6 || code.Length > 18) return Fail(out reason, $"an SCTID has 6 to 18 digits, this one has {Invariant(code.Length)}");
        if (code[0] == '0') return Fail(out reason, "an SCTID does not start with 0");
        var partition = code.Substring(code.Length - 3, 2);
        switch (partition)
        {
            case "00":
                break;
            case "10":
                if (code.Length < 11) return Fail(out reason, "an extension SCTID (partition 10) has a 7-digit namespace, so at least 11 digits");
                break;
            case "01":
            case "11":
                return Fail(out reason, $"its partition identifier {partition} (2nd and 3rd digits from the right) marks a description id, not a concept (00 or 10)");
            case "02":
            case "12":
                return Fail(out reason, $"its partition identifier {partition} (2nd and 3rd digits from the right) marks a relationship id, not a concept (00 or 10)");
            default:
                return Fail(out reason, $"its partition identifier {partition} (2nd and 3rd digits from the right) is not a concept partition (00 or 10)");
        }
        int expected = VerhoeffCheckDigit(code.Substring(0, code.Length - 1));
        int actual = code[code.Length - 1] - '0';
        if (expected != actual)
        {
            return Fail(out reason, $"its check digit is {Invariant(actual)}, but the Verhoeff check digit of {code.Substring(0, code.Length - 1)} is {Invariant(expected)}, so it has a typo or is not a SNOMED CT concept id");
        }
        return Ok(out reason);
    }

    // Verhoeff's scheme: multiplication in the dihedral group D5 and a position-dependent permutation.
    private static readonly byte[,] VerhoeffD =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
        { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
        { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
        { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[] VerhoeffInverse = { 0, 4, 3, 2, 1, 5, 6, 7, 8, 9 };

    /// <summary>The position permutations: row k is the base permutation applied k times (so the table cannot hold a typo).</summary>
    private static readonly byte[,] VerhoeffP = BuildPermutations();

    private static byte[,] BuildPermutations()
    {
        byte[] basePermutation = { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 };
        var table = new byte[8, 10];
        for (int digit = 0; digit < 10; digit++) table[0, digit] = (byte)digit;
        for (int row = 1; row < 8; row++)
        {
            for (int digit = 0; digit < 10; digit++) table[row, digit] = basePermutation[table[row - 1, digit]];
        }
        return table;
    }

    /// <summary>The Verhoeff check digit to append to <paramref name="digits"/>.</summary>
    public static int VerhoeffCheckDigit(string digits)
    {
        int c = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            // Position 0 is the (future) check digit, so the rightmost payload digit is position 1.
            c = VerhoeffD[c, VerhoeffP[(i + 1) % 8, digits[digits.Length - 1 - i] - '0']];
        }
        return VerhoeffInverse[c];
    }

    /// <summary>Whether a digit string (payload followed by its check digit) passes the Verhoeff check.</summary>
    public static bool VerhoeffIsValid(string number)
    {
        if (number.Length == 0 || !AllDigits(number, 0, number.Length)) return false;
        int c = 0;
        for (int i = 0; i < number.Length; i++)
        {
            c = VerhoeffD[c, VerhoeffP[i % 8, number[number.Length - 1 - i] - '0']];
        }
        return c == 0;
    }

    /// <summary>
    /// ICD-10-CM: a letter, a digit and a letter or digit (the category, e.g. <c>I10</c>, <c>C4A</c>), then
    /// optionally a '.' and 1 to 4 letters or digits (<c>E11.9</c>, <c>J45.40</c>, <c>O24.419</c>, <c>S72.001A</c>).
    /// Letters are upper case.
    /// </summary>
    public static bool IsValidIcd10Cm(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        foreach (var c in code)
        {
            if (c >= 'a' && c <= 'z') return Fail(out reason, "ICD-10-CM codes are written in upper case");
        }
        int dot = code.IndexOf('.');
        int categoryLength = dot < 0 ? code.Length : dot;
        if (categoryLength != 3 || !IsUpper(code[0]) || !IsDigit(code[1]) || !IsUpperOrDigit(code[2]))
        {
            if (dot < 0 && code.Length > 3 && code.Length <= 7 && IsUpper(code[0]) && IsDigit(code[1]) && AllUpperOrDigit(code, 2, code.Length - 2))
            {
                return Fail(out reason, $"put a '.' after the third character ({code.Substring(0, 3)}.{code.Substring(3)})");
            }
            return Fail(out reason, "an ICD-10-CM code starts with a letter, a digit and a letter or digit, as in E11.9 or I10");
        }
        if (dot >= 0)
        {
            int subLength = code.Length - dot - 1;
            if (subLength < 1 || subLength > 4 || !AllUpperOrDigit(code, dot + 1, subLength))
            {
                return Fail(out reason, "after the '.' an ICD-10-CM code has 1 to 4 letters or digits, as in E11.9 or S72.001A");
            }
        }
        return Ok(out reason);
    }

    /// <summary>CVX: 1 to 3 digits.</summary>
    public static bool IsValidCvx(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (!AllDigits(code, 0, code.Length) || code.Length > 3) return Fail(out reason, "a CVX code has 1 to 3 digits");
        return Ok(out reason);
    }

    /// <summary>RxNorm concept unique identifier (RXCUI): digits only.</summary>
    public static bool IsValidRxNorm(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (!AllDigits(code, 0, code.Length)) return Fail(out reason, "an RxNorm code (RXCUI) has only digits");
        if (code.Length > 10) return Fail(out reason, "an RxNorm code (RXCUI) has at most 10 digits");
        return Ok(out reason);
    }

    /// <summary>
    /// NDC: 10 or 11 digits, optionally hyphenated into labeler-product-package as 4-4-2, 5-3-2, 5-4-1
    /// (10-digit forms) or 5-4-2 (the 11-digit billing form).
    /// </summary>
    public static bool IsValidNdc(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (code.IndexOf('-') < 0)
        {
            if (!AllDigits(code, 0, code.Length) || (code.Length != 10 && code.Length != 11))
            {
                return Fail(out reason, "an NDC has 10 or 11 digits, optionally hyphenated as 4-4-2, 5-3-2, 5-4-1 or 5-4-2");
            }
            return Ok(out reason);
        }
        var parts = code.Split('-');
        if (parts.Length == 3)
        {
            bool digits = true;
            foreach (var part in parts) digits &= part.Length > 0 && AllDigits(part, 0, part.Length);
            var layout = $"{parts[0].Length}-{parts[1].Length}-{parts[2].Length}";
            if (digits && (layout == "4-4-2" || layout == "5-3-2" || layout == "5-4-1" || layout == "5-4-2"))
            {
                return Ok(out reason);
            }
        }
        return Fail(out reason, "a hyphenated NDC has three groups of digits laid out 4-4-2, 5-3-2, 5-4-1 or 5-4-2");
    }

    /// <summary>
    /// CPT: 5 digits (<c>99213</c>), or 4 digits and a letter for category II/III and PLA codes (<c>3044F</c>,
    /// <c>0042T</c>). HCPCS level II codes, a letter and 4 digits (<c>G8780</c>), are accepted too: modules list
    /// them with CPT codes, as billing does.
    /// </summary>
    public static bool IsValidCpt(string code, out string reason)
    {
        if (!CommonChecks(code, out reason)) return false;
        if (code.Length == 5)
        {
            if (AllDigits(code, 0, 5)) return Ok(out reason);
            if (AllDigits(code, 0, 4) && IsUpper(code[4])) return Ok(out reason);
            if (IsUpper(code[0]) && AllDigits(code, 1, 4)) return Ok(out reason);
        }
        return Fail(out reason, "a CPT code has 5 digits, or 4 digits and an upper-case letter (HCPCS level II: a letter and 4 digits)");
    }

    private static bool CommonChecks(string? code, out string reason)
    {
        if (code is null || code.Length == 0) return Fail(out reason, "the code is empty");
        foreach (var c in code)
        {
            if (char.IsWhiteSpace(c)) return Fail(out reason, "it contains white space");
        }
        return Ok(out reason);
    }

    /// <summary>An upper-case dotted identifier with at least one dot, such as <c>EVE.ASTHMA.ED</c>.</summary>
    private static bool IsLocalDottedCode(string code)
    {
        if (!IsUpper(code[0])) return false;
        bool sawDot = false;
        bool previousWasDot = false;
        foreach (var c in code)
        {
            if (c == '.')
            {
                if (previousWasDot) return false;
                sawDot = true;
                previousWasDot = true;
            }
            else if (IsUpperOrDigit(c) || c == '_')
            {
                previousWasDot = false;
            }
            else
            {
                return false;
            }
        }
        return sawDot && !previousWasDot;
    }

    private static bool Ok(out string reason)
    {
        reason = string.Empty;
        return true;
    }

    private static bool Fail(out string reason, string text)
    {
        reason = text;
        return false;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsUpperOrDigit(char c) => IsDigit(c) || IsUpper(c);

    private static bool AllDigits(string text, int start, int length)
    {
        if (length <= 0) return false;
        for (int i = start; i < start + length; i++)
        {
            if (!IsDigit(text[i])) return false;
        }
        return true;
    }

    private static bool AllUpperOrDigit(string text, int start, int length)
    {
        if (length <= 0) return false;
        for (int i = start; i < start + length; i++)
        {
            if (!IsUpperOrDigit(text[i])) return false;
        }
        return true;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
