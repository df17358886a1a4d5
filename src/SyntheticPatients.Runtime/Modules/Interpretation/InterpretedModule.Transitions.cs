using SyntheticPatients.Language.Lowering;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Transition selection over the program's <see cref="TransitionTable"/>: the first conditional edge that holds; else
/// one weighted draw (exactly one NextDouble when the eligible weight is positive); else the else edge; else Terminated.
/// </summary>
public sealed partial class InterpretedModule
{
    /// <summary>Conditional draws keep their running sums and eligibility on the stack; more edges than this go to the heap.</summary>
    private const int StackEdges = 32;

    private StepOutcome Follow(in LoadedState state, ref ModuleRun run, PatientContext patient)
    {
        var guarded = state.Guarded;
        for (int i = 0; i < guarded.Length; i++)
        {
            if (Evaluate(guarded[i].Condition, ref run, patient)) return Goto(ref run, guarded[i].Target.State);
        }
        var table = state.Table!;
        var weighted = state.Weighted;
        switch (table.Mode)
        {
            case DrawMode.LastEdge:
                return Goto(ref run, table.Last!.Value.State);
            case DrawMode.Constant:
                return Goto(ref run, ConstantDraw(weighted, table.Total, patient));
            case DrawMode.Conditional:
                int target = weighted.Length <= StackEdges
                    ? ConditionalDraw(weighted, ref run, patient, stackalloc double[weighted.Length], stackalloc bool[weighted.Length])
                    : ConditionalDraw(weighted, ref run, patient, new double[weighted.Length], new bool[weighted.Length]);
                if (target != NoEdge) return Goto(ref run, target);
                break;
        }
        return Goto(ref run, table.Else is { } elseEdge ? elseEdge.State : -1);
    }

    /// <summary>No edge was eligible: fall through to the else edge.</summary>
    private const int NoEdge = int.MinValue;

    /// <summary>The last positive edge takes the rest, which also absorbs rounding at the top of the range.</summary>
    private static int ConstantDraw(WeightedEdge[] edges, double total, PatientContext patient)
    {
        double draw = total == 1.0 ? patient.Random.NextDouble() : patient.Random.NextDouble() * total;
        int last = edges.Length - 1;
        for (int i = 0; i < last; i++)
        {
            if (draw < edges[i].Threshold) return edges[i].Target.State;
        }
        return edges[last].Target.State;
    }

    /// <summary>Eligibility first (conditions in edge order), then one draw over the eligible positive weights.</summary>
    private int ConditionalDraw(WeightedEdge[] edges, ref ModuleRun run, PatientContext patient, Span<double> upTo, Span<bool> eligible)
    {
        int count = edges.Length;
        for (int k = 0; k < count; k++)
        {
            int condition = edges[k].Condition;
            eligible[k] = condition < 0 || Evaluate(condition, ref run, patient);
        }
        double sum = 0;
        bool any = false;
        for (int k = 0; k < count; k++)
        {
            ref readonly var edge = ref edges[k];
            if (edge.Weight <= 0) continue; // never drawn; may still be the fallback below
            double term = edge.Condition < 0 ? edge.Weight : (eligible[k] ? edge.Weight : 0d);
            sum = any ? sum + term : term;
            any = true;
            upTo[k] = sum;
        }
        if (any && sum > 0d)
        {
            double draw = patient.Random.NextDouble() * sum;
            for (int k = 0; k < count; k++)
            {
                if (edges[k].Weight > 0 && draw < upTo[k]) return edges[k].Target.State;
            }
        }
        // Eligible weight 0 (or a draw rounded up to the total): the last eligible edge, as the dialect specifies.
        for (int k = count - 1; k >= 0; k--)
        {
            if (edges[k].Condition < 0 || eligible[k]) return edges[k].Target.State;
        }
        return NoEdge;
    }

    private static StepOutcome Goto(ref ModuleRun run, int target)
    {
        if (target < 0) return Terminated;
        run.State = target;
        return Continue;
    }
}
