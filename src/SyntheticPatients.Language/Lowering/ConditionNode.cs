using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// What a lowered condition tests. Each value is one expression shape: what is constant (is_set on an age), which
/// literal an attribute is compared with and which field a demographic reads are decided when lowering.
/// </summary>
public enum ConditionOp : byte
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
    /// <summary>The body's value of the vital sign <c>Index</c> (named <c>Text</c>) compared with <c>Number</c>.</summary>
    VitalSignCompare,
}

/// <summary>The patient text fields a demographic condition reads (PatientContext properties of these names).</summary>
public enum DemographicField : byte
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
/// One node of a program's condition array. Operands of and/or are <c>Children[First .. First + Count)</c>; not's
/// operand is node <see cref="First"/>.
/// </summary>
/// <param name="Operator">The comparison of Age, Date, Income and ObservationCompare (never is_set/is_not_set).</param>
/// <param name="Negate">The result is negated (is not set, !=, not present).</param>
/// <param name="Number">Threshold, probability or number literal; 1/0 for a boolean literal.</param>
/// <param name="Text">Text literal, code or name.</param>
/// <param name="Index">Attribute (index into the program's attributes), state, <see cref="DemographicField"/>, or 1 for male / 0 for female.</param>
/// <param name="Kind">ActiveReference / ActiveCode: the buffer.</param>
public readonly record struct ConditionNode(
    ConditionOp Op,
    ComparisonOperator Operator = ComparisonOperator.Equal,
    bool Negate = false,
    int First = 0,
    int Count = 0,
    double Number = 0,
    string? Text = null,
    int Index = 0,
    RecordKind Kind = RecordKind.Condition);
