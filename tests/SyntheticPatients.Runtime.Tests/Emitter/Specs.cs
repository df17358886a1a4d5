using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Runtime.Tests.Emitter;

/// <summary>Terse builders for hand-made module models (what the binder would produce from YAML).</summary>
internal static class Specs
{
    private static int s_line = 10;

    public static ModuleSpec Module(string name, params StateSpec[] states)
        => new(name, "/repo/modules/" + name + ".yaml", new SourceSpan(1, 7, 1, 7 + name.Length), "A test module.", "0.1.0",
            EquatableArray<CategoryModeSpec>.Empty, EquatableArray<string>.Empty, new EquatableArray<StateSpec>(states));

    public static StateSpec State(string name, StateKind kind, params TransitionSpec[] transitions)
    {
        int line = s_line++;
        return new StateSpec(name, kind, TypeName(kind), new SourceSpan(line, 3, line, 3 + name.Length), new EquatableArray<TransitionSpec>(transitions));
    }

    public static StateSpec Start(string to) => State("start", StateKind.Start, To(to));

    public static StateSpec Terminal(string name) => State(name, StateKind.Terminal);

    public static StateSpec SetAttribute(string name, string attribute, ValueSpec value, string to)
        => State(name, StateKind.SetAttribute, To(to)) with { Attribute = Target(attribute), Value = value };

    public static StateSpec Counter(string name, string attribute, string to)
        => State(name, StateKind.Counter, To(to)) with { Attribute = Target(attribute), CounterAction = CounterAction.Increment, CounterAmount = 1 };

    public static StateSpec Delay(string name, double days, string to)
        => State(name, StateKind.Delay, To(to)) with { Duration = new QuantitySpec(DistributionKind.Exact, days, days, null, null, "days", 0, SourceSpan.None) };

    public static TransitionSpec To(string target) => new(target, SourceSpan.None, null, null, SourceSpan.None);

    public static TransitionSpec If(ConditionSpec condition, string target) => new(target, SourceSpan.None, condition, null, SourceSpan.None);

    public static TransitionSpec P(double probability, string target, ConditionSpec? condition = null)
        => new(target, SourceSpan.None, condition, new ProbabilitySpec(probability, false, SourceSpan.None), SourceSpan.None);

    public static TransitionSpec Remainder(string target) => new(target, SourceSpan.None, null, new ProbabilitySpec(0, true, SourceSpan.None), SourceSpan.None);

    public static ConditionSpec Condition(ConditionKind kind, string? name = null, ComparisonOperator op = ComparisonOperator.Equal, double number = 0, ValueSpec? value = null, params ConditionSpec[] operands)
        => new(kind, SourceSpan.None, new EquatableArray<ConditionSpec>(operands), op, name, SourceSpan.None, number, value);

    public static ConditionSpec AttributeEquals(string attribute, ValueSpec value) => Condition(ConditionKind.Attribute, attribute, ComparisonOperator.Equal, value: value);

    public static ValueSpec Text(string text) => new(ValueKind.Text, 0, text, SourceSpan.None);

    public static ValueSpec Number(double number) => new(ValueKind.Number, number, null, SourceSpan.None);

    public static ValueSpec Boolean(bool value) => new(ValueKind.Boolean, value ? 1 : 0, null, SourceSpan.None);

    public static AttributeTarget Target(string name) => new(name, SourceSpan.None);

    private static string TypeName(StateKind kind) => kind switch
    {
        StateKind.SetAttribute => "set_attribute",
        StateKind.CallSubmodule => "call_submodule",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
