using System.Security.Cryptography;
using System.Text;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// Shard-safe IENs: each is a function of the patient index or of the entry's meaning, never of the patients written
/// before, so a shard (<c>generate --shard</c>) writes the IENs its patients have in the whole run, and the shards'
/// globals join without renumbering (docs/scale-out.md, "VistA IENs").
/// </summary>
public static class VistaIens
{
    /// <summary>Entries one patient may have in one data file; a patient's entries of a file are numbered below it.</summary>
    public const long EntriesPerPatient = 1_000_000;

    /// <summary>Dictionary IENs start here, above every IEN fixed by its meaning (state FIPS codes, clinic stop codes).</summary>
    public const long FirstDictionaryIen = 1_000_000;

    /// <summary>Dictionary IENs are drawn from this many numbers (12 digits: a clash among 10,000 entries has odds of 1 in 20,000).</summary>
    public const long DictionarySpan = 1_000_000_000_000;

    /// <summary>PATIENT (#2): patient index + 1, as a run of the whole population numbered them.</summary>
    public static long Patient(long patientIndex) => checked(patientIndex + 1);

    /// <summary>
    /// The <paramref name="entry"/>-th (from 1) entry of a patient in a data file (VISIT, V LAB, PROBLEM...):
    /// (patient index + 1) x <see cref="EntriesPerPatient"/> + entry. Patient 0's visits are 1000001, 1000002, ...
    /// </summary>
    public static long PatientEntry(long patientIndex, long entry)
    {
        if (entry < 1 || entry >= EntriesPerPatient)
        {
            throw new InvalidOperationException($"Patient #{patientIndex} has more than {EntriesPerPatient - 1} entries in one VistA file: the shard-safe IEN scheme (docs/scale-out.md) has no room for them.");
        }
        return checked(Patient(patientIndex) * EntriesPerPatient + entry);
    }

    /// <summary>
    /// A dictionary entry (drug, lab test, ICD code...): <see cref="FirstDictionaryIen"/> + the first 8 bytes of the
    /// SHA-256 of its key, modulo <see cref="DictionarySpan"/>. Every shard gives an entry the same IEN; two keys of a
    /// run that fall on one IEN fail the run (<see cref="DictionaryFile"/>) rather than share it.
    /// </summary>
    public static long Dictionary(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        ulong value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return FirstDictionaryIen + (long)(value % (ulong)DictionarySpan);
    }
}
