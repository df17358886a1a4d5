using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Semantic checks of one bound module: start state, transition targets, branch probabilities, reachability,
/// dead ends, loops that never advance time, and the shape of clinical codes. Shape errors (unknown fields,
/// wrong value types, duplicate states...) are the binder's; this runs on the model it produced.
/// </summary>
public static class ModuleChecker
{
    /// <summary>The target that stops the module even when no state has that name (the dialect's rule).</summary>
    public const string ImplicitEndTarget = "end";

    /// <summary>How far branch probabilities may be from summing to 1.</summary>
    public const double ProbabilityTolerance = 1e-6;

    /// <summary>Diagnostics for <paramref name="spec"/>, ordered by position (line, column), then ID.</summary>
    public static IEnumerable<DiagnosticInfo> Check(ModuleSpec spec)
    {
        var context = new CheckContext(spec);
        var starts = CheckStartStates(context);
        var targets = CheckTargetsAndExits(context);
        CheckProbabilities(context);
        CheckReachability(context, starts, targets);
        CheckTimelessLoops(context, targets);
        CheckCodes(context);
        return DiagnosticOrder.Sort(context.Diagnostics);
    }

    /// <summary>SPM0002 when there is no start state; SPM0017 on every start state after the first.</summary>
    private static List<int> CheckStartStates(CheckContext context)
    {
        var spec = context.Spec;
        var starts = new List<int>();
        for (int i = 0; i < spec.States.Count; i++)
        {
            if (spec.States[i].Kind != StateKind.Start) continue;
            if (starts.Count > 0)
            {
                var first = spec.States[starts[0]];
                context.Report(DiagnosticCatalog.InvalidValue, spec.States[i].Span, spec.States[i].TypeName, "type",
                    $"A module has exactly one start state, and '{first.Name}' (line {Invariant(first.Span.Line)}) is already one. Give this state another type or remove it.");
            }
            starts.Add(i);
        }
        if (starts.Count == 0)
        {
            context.Report(DiagnosticCatalog.MissingStartState, spec.NameSpan, spec.Name);
        }
        return starts;
    }

    /// <summary>
    /// SPM0006 for targets that name no state (except the implicit <c>end</c>), SPM0011 for non-terminal states
    /// without transitions. Returns each state's resolved successors (state indices; stops and unknown targets left out).
    /// </summary>
    private static List<int>[] CheckTargetsAndExits(CheckContext context)
    {
        var spec = context.Spec;
        var successors = new List<int>[spec.States.Count];
        for (int i = 0; i < spec.States.Count; i++)
        {
            var state = spec.States[i];
            successors[i] = new List<int>();
            foreach (var transition in state.Transitions)
            {
                if (context.StateIndex.TryGetValue(transition.Target, out int target))
                {
                    successors[i].Add(target);
                }
                else if (transition.Target != ImplicitEndTarget)
                {
                    context.Report(DiagnosticCatalog.UnknownTransitionTarget, transition.TargetSpan, transition.Target, spec.Name,
                        Spelling.Hint(transition.Target, context.StateIndex.Keys));
                }
            }
            if (state.Transitions.Count == 0 && state.Kind != StateKind.Terminal && state.Kind != StateKind.Death)
            {
                context.Report(DiagnosticCatalog.NoWayOut, state.Span, state.Name, state.TypeName);
            }
        }
        return successors;
    }

    /// <summary>
    /// SPM0007. Per state: no weight may be negative, non-finite or above 1; at most one edge may be the remainder.
    /// When no weighted edge has a condition, the weights must sum to 1, or, with a remainder edge, to at most 1.
    /// When some weighted edge has a condition the eligible set varies per patient, so only the remainder bound is checked.
    /// </summary>
    private static void CheckProbabilities(CheckContext context)
    {
        foreach (var state in context.Spec.States)
        {
            TransitionSpec? firstRemainder = null;
            bool anyWeighted = false;
            bool anyConditional = false;
            bool badWeight = false;
            double sum = 0;
            foreach (var transition in state.Transitions)
            {
                var probability = transition.Probability;
                if (probability is null) continue;
                anyWeighted = true;
                if (transition.Condition is not null) anyConditional = true;
                if (probability.IsRemainder)
                {
                    if (firstRemainder is null)
                    {
                        firstRemainder = transition;
                    }
                    else
                    {
                        badWeight = true;
                        context.Report(DiagnosticCatalog.InvalidProbabilities, probability.Span,
                            $"State '{state.Name}' has more than one 'remainder' branch (the first goes to '{firstRemainder.Target}' on line {Invariant(firstRemainder.Probability!.Span.Line)})");
                    }
                    continue;
                }
                var value = probability.Value;
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    badWeight = true;
                    context.Report(DiagnosticCatalog.InvalidProbabilities, probability.Span,
                        $"The probability of the branch from '{state.Name}' to '{transition.Target}' is not a finite number");
                }
                else if (value < 0)
                {
                    badWeight = true;
                    context.Report(DiagnosticCatalog.InvalidProbabilities, probability.Span,
                        $"The probability {Format(value)} of the branch from '{state.Name}' to '{transition.Target}' is negative");
                }
                else if (value > 1 + ProbabilityTolerance)
                {
                    badWeight = true;
                    context.Report(DiagnosticCatalog.InvalidProbabilities, probability.Span,
                        $"The probability {Format(value)} of the branch from '{state.Name}' to '{transition.Target}' is greater than 1");
                }
                else if (transition.Condition is null)
                {
                    sum += value;
                }
            }
            if (!anyWeighted || badWeight) continue;

            if (firstRemainder is not null)
            {
                if (sum > 1 + ProbabilityTolerance)
                {
                    context.Report(DiagnosticCatalog.InvalidProbabilities, state.Span,
                        $"The branch probabilities of state '{state.Name}' other than the remainder sum to {Format(sum)}, leaving nothing for the 'remainder' branch to '{firstRemainder.Target}'");
                }
            }
            else if (!anyConditional && Math.Abs(sum - 1) > ProbabilityTolerance)
            {
                context.Report(DiagnosticCatalog.InvalidProbabilities, state.Span,
                    $"The branch probabilities of state '{state.Name}' sum to {Format(sum)}, not 1");
            }
        }
    }

    /// <summary>SPM0010: states that no path from the start state reaches (only when there is a start state).</summary>
    private static void CheckReachability(CheckContext context, List<int> starts, List<int>[] successors)
    {
        if (starts.Count == 0) return;
        var states = context.Spec.States;
        var reached = new bool[states.Count];
        var pending = new Stack<int>();
        foreach (var start in starts)
        {
            reached[start] = true;
            pending.Push(start);
        }
        while (pending.Count > 0)
        {
            foreach (var next in successors[pending.Pop()])
            {
                if (reached[next]) continue;
                reached[next] = true;
                pending.Push(next);
            }
        }
        for (int i = 0; i < states.Count; i++)
        {
            if (!reached[i]) context.Report(DiagnosticCatalog.UnreachableState, states[i].Span, states[i].Name);
        }
    }

    /// <summary>
    /// SPM0012/SPM0030: strongly connected components of the graph restricted to states that do not advance time.
    /// A component with two or more states, or one state with an edge to itself, lets a patient loop without
    /// the clock moving. Each is reported once, at its first state in source order, naming its states.
    /// </summary>
    private static void CheckTimelessLoops(CheckContext context, List<int>[] successors)
    {
        var states = context.Spec.States;
        var timeless = new List<int>[states.Count];
        for (int i = 0; i < states.Count; i++)
        {
            var edges = new List<int>();
            if (!TimeSteps.Advances(states[i]))
            {
                foreach (var next in successors[i])
                {
                    if (!TimeSteps.Advances(states[next])) edges.Add(next);
                }
            }
            timeless[i] = edges;
        }

        foreach (var component in StronglyConnectedComponents.Find(timeless))
        {
            if (component.Count == 1 && !timeless[component[0]].Contains(component[0])) continue;
            component.Sort((a, b) => CompareSourceOrder(states, a, b));
            var names = new StringBuilder();
            for (int k = 0; k < component.Count; k++)
            {
                if (k > 0) names.Append(k == component.Count - 1 ? " and " : ", ");
                names.Append('\'').Append(states[component[k]].Name).Append('\'');
            }
            ReportLoop(context, component, names.ToString());
        }
    }

    /// <summary>
    /// A loop through a delay or guard that takes no time is SPM0030 at that state (the one the author meant as the
    /// loop's time step, and must fix); a loop with no time step at all stays SPM0012 at its first state.
    /// </summary>
    private static void ReportLoop(CheckContext context, List<int> component, string names)
    {
        var states = context.Spec.States;
        StateSpec? step = null;
        var reasons = new StringBuilder();
        foreach (var index in component)
        {
            var reason = TimeSteps.ZeroTimeReason(states[index]);
            if (reason is null) continue;
            step ??= states[index];
            if (reasons.Length > 0) reasons.Append("; ");
            reasons.Append(reason);
        }
        if (step is null)
        {
            context.Report(DiagnosticCatalog.InfiniteLoop, states[component[0]].Span, names);
        }
        else
        {
            context.Report(DiagnosticCatalog.ZeroTimeStepInLoop, step.Span, names, reasons.ToString());
        }
    }

    /// <summary>SPM0015: every code a state records, plus the LOINC codes observation conditions test.</summary>
    private static void CheckCodes(CheckContext context)
    {
        foreach (var state in context.Spec.States)
        {
            if (state.Encounter is not null) CheckCodeList(context, state.Encounter.Codes);
            foreach (var item in state.Items)
            {
                CheckCodeList(context, item.Codes);
                foreach (var activity in item.Activities) CheckCodeList(context, activity.Codes);
            }
            if (state.Guard is not null) CheckConditionCodes(context, state.Guard);
            foreach (var transition in state.Transitions)
            {
                if (transition.Condition is not null) CheckConditionCodes(context, transition.Condition);
            }
        }
    }

    private static void CheckCodeList(CheckContext context, EquatableArray<CodeSpec> codes)
    {
        foreach (var code in codes)
        {
            if (!CodeValidation.IsValid(code.System, code.Code, out var reason))
            {
                var descriptor = CodeValidation.IsCheckDigitOnlyFailure(code.System, code.Code) ? DiagnosticCatalog.CheckDigitMismatch : DiagnosticCatalog.MalformedCode;
                context.Report(descriptor, code.Span, CodeValidation.NormalizeSystem(code.System) ?? code.System, code.Code, reason);
            }
        }
    }

    private static void CheckConditionCodes(CheckContext context, ConditionSpec condition)
    {
        // Iterative walk: condition trees can nest and/or/not deeply.
        var pending = new Stack<ConditionSpec>();
        pending.Push(condition);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var operand in current.Operands) pending.Push(operand);
            if (current.Kind == ConditionKind.Observation && !string.IsNullOrEmpty(current.Name)
                && !CodeValidation.IsValidLoinc(current.Name!, out var reason))
            {
                var descriptor = CodeValidation.IsCheckDigitOnlyFailure(CodeSystems.Loinc, current.Name!) ? DiagnosticCatalog.CheckDigitMismatch : DiagnosticCatalog.MalformedCode;
                context.Report(descriptor, current.NameSpan.IsNone ? current.Span : current.NameSpan,
                    CodeSystems.Loinc, current.Name!, reason);
            }
        }
    }

    private static int CompareSourceOrder(EquatableArray<StateSpec> states, int a, int b)
    {
        var spanA = states[a].Span;
        var spanB = states[b].Span;
        int byLine = spanA.Line.CompareTo(spanB.Line);
        if (byLine != 0) return byLine;
        int byColumn = spanA.Column.CompareTo(spanB.Column);
        return byColumn != 0 ? byColumn : a.CompareTo(b);
    }

    /// <summary>A probability as authors write it: invariant culture, no float noise (0.1 + 0.2 shows as 0.3).</summary>
    internal static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class CheckContext
    {
        public CheckContext(ModuleSpec spec)
        {
            Spec = spec;
            StateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < spec.States.Count; i++)
            {
                // The binder reports duplicates (SPM0003) and keeps the first; be safe if a model has both.
                if (!StateIndex.ContainsKey(spec.States[i].Name)) StateIndex.Add(spec.States[i].Name, i);
            }
        }

        public ModuleSpec Spec { get; }

        public Dictionary<string, int> StateIndex { get; }

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params string[] arguments)
            => Diagnostics.Add(DiagnosticInfo.Create(descriptor, Spec.FilePath, span, arguments));
    }
}
