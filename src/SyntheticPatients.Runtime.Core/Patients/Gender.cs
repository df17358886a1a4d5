namespace SyntheticPatients.Runtime;

/// <summary>Administrative gender as module conditions test it ("M" / "F").</summary>
public enum Gender : byte
{
    Unknown,
    Male,
    Female,
}
