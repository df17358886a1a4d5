using System.Buffers.Binary;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Ids of resources whose records carry none (conditions, observations...): derived from the patient's id, a kind and
/// the record's position in its list, so the same record always gets the same id and no clock or random source is
/// involved. The result is an RFC 9562 version 8 (custom) UUID, valid in <c>urn:uuid:</c> URLs and as a FHIR id.
/// </summary>
internal static class ResourceIds
{
    /// <summary>What a derived id is for (part of the hash input: two kinds never share an id).</summary>
    public enum Kind : byte
    {
        Bundle = 1,
        Condition = 2,
        Observation = 3,
        BloodPressurePanel = 4,
        CauseOfDeath = 5,
        MedicationRequest = 6,
        Procedure = 7,
        Immunization = 8,
        AllergyIntolerance = 9,
    }

    public static Guid Derive(Guid patient, Kind kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        patient.TryWriteBytes(bytes, bigEndian: true, out _);
        ulong hi = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        ulong lo = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        ulong salt = Mix(((ulong)kind << 32) | (uint)index);
        ulong a = Mix(hi ^ Mix(lo ^ salt));
        ulong b = Mix(lo ^ Mix(hi + 0x9E3779B97F4A7C15UL ^ salt) ^ a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes, a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], b);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>SplitMix64's finalizer: a bijective 64-bit mix.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
