using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Deterministic identifiers: record ids drawn from the step's random stream (never Guid.NewGuid), name-based ids
/// for shared reference data (organizations, providers, payers), and the run-unique MRN and SSN of a patient.
/// </summary>
public static class Identifiers
{
    /// <summary>A random (version 4, RFC 4122 variant) GUID whose 16 bytes come from <paramref name="random"/>.</summary>
    public static Guid NewGuid(PatientRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        ulong a = random.NextUInt64();
        ulong b = random.NextUInt64();
        for (int i = 0; i < 8; i++)
        {
            bytes[i] = (byte)(a >> (8 * i));
            bytes[8 + i] = (byte)(b >> (8 * i));
        }
        // Guid's byte layout stores the time_hi_and_version field little-endian: its high byte (the version nibble)
        // is bytes[7]; the variant lives in the high bits of bytes[8].
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A stable name-based (version 5 style, SHA-1) GUID for reference data such as organizations.</summary>
    public static Guid FromName(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes("synthetic-patients:" + name), hash);
        Span<byte> bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Medical record number, unique within a run: "MRN" and the 0-based patient index padded to 9 digits.</summary>
    public static string Mrn(long index) => "MRN" + index.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>
    /// SSN in the never-issued 999 area. The 6 group/serial digits are a bijection of the index (an affine map
    /// modulo 10^6 with a multiplier prime to 10), so the first million patients of a run get distinct numbers
    /// that do not look sequential; past that the digits are random (the 999 area holds only 10^6 numbers).
    /// </summary>
    public static string Ssn(long index, PatientRandom random)
    {
        long digits = index is >= 0 and < 1_000_000
            ? (index * 387_173 + 731_337) % 1_000_000
            : random.NextInt(1_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"999-{digits / 10_000:D2}-{digits % 10_000:D4}");
    }
}
