namespace SyntheticPatients.Runtime;

/// <summary>What an attribute slot holds.</summary>
public enum AttributeKind : byte
{
    Unset,
    Boolean,
    Number,
    Text,
    /// <summary>Events created by a state (<c>assign_to_attribute</c>): a range of one event buffer.</summary>
    Reference,
}
