using System.Globalization;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime;

/// <summary>
/// The value of one attribute slot. A small immutable struct so the slot array holds values inline, and every
/// comparison a condition needs is allocation-free (text compares ordinally against a string constant).
/// Comparisons of a different kind are false: an unset attribute is neither equal to nor less than anything.
/// </summary>
public readonly struct AttributeValue : IEquatable<AttributeValue>
{
    private AttributeValue(AttributeKind kind, double number, string? text, EventKind referenceKind, int referenceCount)
    {
        Kind = kind;
        Number = number;
        Text = text;
        ReferenceKind = referenceKind;
        ReferenceCount = referenceCount;
    }

    public static AttributeValue Unset => default;

    public AttributeKind Kind { get; }

    /// <summary>The number (Number), 1/0 (Boolean) or the first event index (Reference).</summary>
    public double Number { get; }

    public string? Text { get; }

    /// <summary>For a Reference: which event buffer the index points into.</summary>
    public EventKind ReferenceKind { get; }

    /// <summary>For a Reference: how many consecutive events the state created (a regimen of two drugs is 2).</summary>
    public int ReferenceCount { get; }

    public bool IsSet => Kind != AttributeKind.Unset;

    public int ReferenceIndex => Kind == AttributeKind.Reference ? (int)Number : -1;

    public static AttributeValue FromBoolean(bool value) => new(AttributeKind.Boolean, value ? 1 : 0, null, EventKind.None, 0);

    public static AttributeValue FromNumber(double value) => new(AttributeKind.Number, value, null, EventKind.None, 0);

    /// <summary>Text value; a null string gives Unset.</summary>
    public static AttributeValue FromText(string? value) => value is null ? default : new(AttributeKind.Text, 0, value, EventKind.None, 0);

    public static AttributeValue Reference(EventKind kind, int firstIndex, int count)
        => firstIndex < 0 ? default : new(AttributeKind.Reference, firstIndex, null, kind, count < 1 ? 1 : count);

    public bool Equals(bool value) => Kind == AttributeKind.Boolean && (Number != 0) == value;

    public bool Equals(double value) => Kind == AttributeKind.Number && Number == value;

    public bool Equals(string? value) => Kind == AttributeKind.Text && string.Equals(Text, value, StringComparison.Ordinal);

    public bool IsLessThan(double value) => Kind == AttributeKind.Number && Number < value;

    public bool IsLessThanOrEqual(double value) => Kind == AttributeKind.Number && Number <= value;

    public bool IsGreaterThan(double value) => Kind == AttributeKind.Number && Number > value;

    public bool IsGreaterThanOrEqual(double value) => Kind == AttributeKind.Number && Number >= value;

    /// <summary>Whether this is a reference into the given buffer.</summary>
    public bool IsReferenceTo(EventKind kind) => Kind == AttributeKind.Reference && ReferenceKind == kind;

    /// <summary>Counter arithmetic: an unset (or non-numeric) slot counts as 0.</summary>
    public AttributeValue Add(double amount) => FromNumber((Kind == AttributeKind.Number ? Number : 0) + amount);

    public bool Equals(AttributeValue other)
        => Kind == other.Kind
        && Number.Equals(other.Number)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && ReferenceKind == other.ReferenceKind
        && ReferenceCount == other.ReferenceCount;

    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Number, Text, ReferenceKind, ReferenceCount);

    public static bool operator ==(AttributeValue left, AttributeValue right) => left.Equals(right);

    public static bool operator !=(AttributeValue left, AttributeValue right) => !left.Equals(right);

    /// <summary>For logs and exports (allocates; never called while stepping).</summary>
    public override string ToString() => Kind switch
    {
        AttributeKind.Unset => "(unset)",
        AttributeKind.Boolean => Number != 0 ? "true" : "false",
        AttributeKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        AttributeKind.Text => Text!,
        _ => $"{ReferenceKind}[{(int)Number}..+{ReferenceCount}]",
    };
}
