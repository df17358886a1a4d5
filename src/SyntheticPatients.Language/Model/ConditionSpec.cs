using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

public enum ConditionKind : byte
{
    True,
    False,
    And,
    Or,
    Not,
    Age,
    Gender,
    Date,
    Attribute,
    ActiveCondition,
    ActiveMedication,
    ActiveCarePlan,
    ActiveAllergy,
    Observation,
    PriorState,
    Random,
    Demographic,
    VitalSign,
}

public enum ComparisonOperator : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    IsSet,
    IsNotSet,
}

/// <summary>
/// A boolean condition tree. Leaves carry what they compare: <see cref="Name"/> is the attribute, code, state,
/// gender or demographic field; <see cref="Number"/> is the threshold in canonical units (age in years,
/// date as days since 0001-01-01, probability).
/// </summary>
public sealed record ConditionSpec(
    ConditionKind Kind,
    SourceSpan Span,
    EquatableArray<ConditionSpec> Operands,
    ComparisonOperator Operator,
    string? Name,
    SourceSpan NameSpan,
    double Number,
    ValueSpec? Value);
