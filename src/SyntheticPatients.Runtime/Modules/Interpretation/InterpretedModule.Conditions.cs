using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>Condition evaluation over the program's node array: one case per <see cref="ConditionOp"/> (ConditionEmitter prints the same).</summary>
public sealed partial class InterpretedModule
{
    private bool Evaluate(int index, ref ModuleRun run, PatientContext patient)
    {
        ref readonly var node = ref _conditions[index];
        switch (node.Op)
        {
            case ConditionOp.True:
                return true;
            case ConditionOp.False:
                return false;
            case ConditionOp.And:
            {
                var children = _children;
                for (int i = node.First, end = node.First + node.Count; i < end; i++)
                {
                    if (!Evaluate(children[i], ref run, patient)) return false;
                }
                return true;
            }
            case ConditionOp.Or:
            {
                var children = _children;
                for (int i = node.First, end = node.First + node.Count; i < end; i++)
                {
                    if (Evaluate(children[i], ref run, patient)) return true;
                }
                return false;
            }
            case ConditionOp.Not:
                return !Evaluate(node.First, ref run, patient);
            case ConditionOp.Age:
                return Compare(patient.AgeInYears(run.Now), node.Operator, node.Number);
            case ConditionOp.Date:
                return Compare(DayNumber(run.Now), node.Operator, node.Number);
            case ConditionOp.Income:
                return Compare(patient.Income, node.Operator, node.Number);
            case ConditionOp.Gender:
                return patient.Gender == (node.Index == 1 ? Gender.Male : Gender.Female);
            case ConditionOp.Random:
                return patient.Random.NextDouble() < node.Number;
            case ConditionOp.PriorState:
                return run.Visited.Contains(node.Index);
            case ConditionOp.AttributeIsSet:
                return patient.Attributes[_slots[node.Index]].IsSet != node.Negate;
            case ConditionOp.AttributeEqualsBoolean:
                return patient.Attributes[_slots[node.Index]].Equals(node.Number != 0) != node.Negate;
            case ConditionOp.AttributeEqualsNumber:
                return patient.Attributes[_slots[node.Index]].Equals(node.Number) != node.Negate;
            case ConditionOp.AttributeEqualsText:
                return patient.Attributes[_slots[node.Index]].Equals(node.Text) != node.Negate;
            case ConditionOp.AttributeLess:
                return patient.Attributes[_slots[node.Index]].IsLessThan(node.Number);
            case ConditionOp.AttributeLessOrEqual:
                return patient.Attributes[_slots[node.Index]].IsLessThanOrEqual(node.Number);
            case ConditionOp.AttributeGreater:
                return patient.Attributes[_slots[node.Index]].IsGreaterThan(node.Number);
            case ConditionOp.AttributeGreaterOrEqual:
                return patient.Attributes[_slots[node.Index]].IsGreaterThanOrEqual(node.Number);
            case ConditionOp.DemographicIsSet:
                return (Demographic(patient, node.Index) is not null) != node.Negate;
            case ConditionOp.DemographicEquals:
                return string.Equals(Demographic(patient, node.Index), node.Text, StringComparison.OrdinalIgnoreCase) != node.Negate;
            case ConditionOp.ActiveReference:
                return patient.IsReferenceActive(patient.Attributes[_slots[node.Index]], ProgramLoader.EventKindOf(node.Kind), run.Now);
            case ConditionOp.ActiveCode:
                return node.Kind switch
                {
                    RecordKind.Condition => patient.HasActiveCondition(run.Now, node.Text!),
                    RecordKind.Medication => patient.HasActiveMedication(run.Now, node.Text!),
                    RecordKind.CarePlan => patient.HasActiveCarePlan(run.Now, node.Text!),
                    _ => patient.HasActiveAllergy(run.Now, node.Text!),
                };
            case ConditionOp.ObservationExists:
                return patient.LatestObservationValue(run.Now, node.Text!, out _) != node.Negate;
            case ConditionOp.ObservationCompare:
                // No observation yet means the comparison is false, whatever the operator.
                return patient.LatestObservationValue(run.Now, node.Text!, out double observed) && Compare(observed, node.Operator, node.Number);
            case ConditionOp.VitalSignCompare:
                return Compare(patient.VitalSignAt(run.Now, (VitalSign)node.Index), node.Operator, node.Number);
            default:
                return false;
        }
    }

    /// <summary>The ordered comparisons (is_set / is_not_set were lowered to constants).</summary>
    private static bool Compare(double left, ComparisonOperator op, double right) => op switch
    {
        ComparisonOperator.Equal => left == right,
        ComparisonOperator.NotEqual => left != right,
        ComparisonOperator.Less => left < right,
        ComparisonOperator.LessOrEqual => left <= right,
        ComparisonOperator.Greater => left > right,
        ComparisonOperator.GreaterOrEqual => left >= right,
        ComparisonOperator.IsSet => true,
        _ => false,
    };

    private static string? Demographic(PatientContext patient, int field) => (DemographicField)field switch
    {
        DemographicField.Race => patient.Race,
        DemographicField.Ethnicity => patient.Ethnicity,
        DemographicField.Smoking => patient.Smoking,
        DemographicField.Alcohol => patient.Alcohol,
        DemographicField.Education => patient.Education,
        DemographicField.Employment => patient.Employment,
        DemographicField.Housing => patient.Housing,
        _ => patient.Insurance,
    };
}
