namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Transition selection, as TransitionEmitter writes it: the first conditional edge that holds; else one weighted
/// draw (exactly one NextDouble when the eligible weight is positive); else the else edge; else Terminated.
/// </summary>
public sealed partial class InterpretedModule
{
    /// <summary>Conditional draws keep their running sums and eligibility on the stack; more edges than this go to the heap.</summary>
    private const int StackEdges = 32;

    private StepOutcome Follow(in TransitionTable table, ref ModuleRun run, PatientContext patient)
    {
        var program = _program;
        for (int i = table.GuardedFirst, end = table.GuardedFirst + table.GuardedCount; i < end; i++)
        {
            ref readonly var edge = ref program.GuardedEdges[i];
            if (Evaluate(edge.Condition, ref run, patient)) return Goto(ref run, edge.Target);
        }
        switch (table.Mode)
        {
            case DrawMode.LastEdge:
                return Goto(ref run, table.LastTarget);
            case DrawMode.Constant:
                return Goto(ref run, ConstantDraw(in table, patient));
            case DrawMode.Conditional:
                int target = table.WeightedCount <= StackEdges
                    ? ConditionalDraw(in table, ref run, patient, stackalloc double[table.WeightedCount], stackalloc bool[table.WeightedCount])
                    : ConditionalDraw(in table, ref run, patient, new double[table.WeightedCount], new bool[table.WeightedCount]);
                if (target != NoEdge) return Goto(ref run, target);
                break;
        }
        return Goto(ref run, table.ElseTarget);
    }

    /// <summary>No edge was eligible: fall through to the else edge.</summary>
    private const int NoEdge = int.MinValue;

    private int ConstantDraw(in TransitionTable table, PatientContext patient)
    {
        var edges = _program.WeightedEdges;
        double draw = table.Total == 1.0 ? patient.Random.NextDouble() : patient.Random.NextDouble() * table.Total;
        int last = table.WeightedFirst + table.WeightedCount - 1;
        // The last positive edge takes the rest, which also absorbs rounding at the top of the range.
        for (int i = table.WeightedFirst; i < last; i++)
        {
            if (draw < edges[i].Threshold) return edges[i].Target;
        }
        return edges[last].Target;
    }

    /// <summary>Eligibility first (conditions in edge order), then one draw over the eligible positive weights.</summary>
    private int ConditionalDraw(in TransitionTable table, ref ModuleRun run, PatientContext patient, Span<double> upTo, Span<bool> eligible)
    {
        var edges = _program.WeightedEdges;
        int first = table.WeightedFirst;
        int count = table.WeightedCount;
        for (int k = 0; k < count; k++)
        {
            int condition = edges[first + k].Condition;
            eligible[k] = condition < 0 || Evaluate(condition, ref run, patient);
        }
        double sum = 0;
        bool any = false;
        for (int k = 0; k < count; k++)
        {
            ref readonly var edge = ref edges[first + k];
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
                if (edges[first + k].Weight > 0 && draw < upTo[k]) return edges[first + k].Target;
            }
        }
        // Eligible weight 0 (or a draw rounded up to the total): the last eligible edge, as the dialect specifies.
        for (int k = count - 1; k >= 0; k--)
        {
            if (edges[first + k].Condition < 0 || eligible[k]) return edges[first + k].Target;
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
