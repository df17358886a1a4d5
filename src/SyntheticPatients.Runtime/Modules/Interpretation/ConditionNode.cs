using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>A lowered condition: what the emitter's expression for a condition kind and operator compiles to.</summary>
internal enum ConditionOp : byte
{
    True,
    False,
    And,
    Or,
    Not,
    Age,
    Date,
    Income,
    Gender,
    Random,
    PriorState,
    AttributeIsSet,
    AttributeEqualsBoolean,
    AttributeEqualsNumber,
    AttributeEqualsText,
    AttributeLess,
    AttributeLessOrEqual,
    AttributeGreater,
    AttributeGreaterOrEqual,
    DemographicIsSet,
    DemographicEquals,
    ActiveReference,
    ActiveCode,
    ObservationExists,
    ObservationCompare,
}

/// <summary>The patient text fields a demographic condition reads.</summary>
internal enum DemographicField : byte
{
    Race,
    Ethnicity,
    Smoking,
    Alcohol,
    Education,
    Employment,
    Housing,
    Insurance,
}

/// <summary>
/// One node of a module's condition array. Operands of and/or are the node indices
/// <c>Children[First .. First + Count)</c>; not's operand is <see cref="First"/>.
/// </summary>
internal readonly struct ConditionNode
{
    public ConditionOp Op { get; init; }

    public Language.Model.ComparisonOperator Operator { get; init; }

    /// <summary>The result is negated (is not set, !=, not present).</summary>
    public bool Negate { get; init; }

    public int First { get; init; }

    public int Count { get; init; }

    /// <summary>Threshold, probability, number literal; 1/0 for a boolean literal.</summary>
    public double Number { get; init; }

    /// <summary>Text literal, code or name.</summary>
    public string? Text { get; init; }

    /// <summary>Attribute slot, state index or <see cref="DemographicField"/>.</summary>
    public int Index { get; init; }

    public EventKind Kind { get; init; }

    public Gender Gender { get; init; }
}
