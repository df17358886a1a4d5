using System.Text;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Generators.Tests.Checking;

/// <summary>
/// Builds <see cref="ModuleSpec"/>s by hand for checker tests, without YAML. Every state, transition, probability
/// and code gets its own line number in declaration order (as if each were written on its own line), so tests
/// can assert where a diagnostic points.
/// </summary>
internal sealed class ModuleBuilder
{
    private readonly string _name;
    private readonly string _filePath;
    private readonly List<StateSpec> _states = new();
    private int _line = 3;

    public ModuleBuilder(string name = "test_module", string? filePath = null)
    {
        _name = name;
        _filePath = filePath ?? $"/repo/modules/{name}.yaml";
    }

    /// <summary>Where the module's <c>name:</c> is.</summary>
    public static readonly SourceSpan NameSpan = new(1, 7, 1, 18);

    public ModuleBuilder State(string name, StateKind kind, Action<StateBuilder>? configure = null)
    {
        var builder = new StateBuilder(name, kind, this);
        configure?.Invoke(builder);
        _states.Add(builder.Build());
        return this;
    }

    /// <summary>The common prefix: a start state that goes to <paramref name="first"/>.</summary>
    public ModuleBuilder Start(string first = "end") => State("start", StateKind.Start, s => s.To(first));

    public ModuleBuilder Terminal(string name = "end") => State(name, StateKind.Terminal);

    public ModuleSpec Build() => new(
        _name,
        _filePath,
        NameSpan,
        "A module built in a test.",
        "1.0",
        EquatableArray<CategoryModeSpec>.Empty,
        EquatableArray<string>.Empty,
        _states.ToEquatableArray());

    internal SourceSpan NextSpan(int column, int length)
    {
        int line = _line++;
        return new SourceSpan(line, column, line, column + length);
    }

    /// <summary>The YAML type name of a kind: <c>CarePlanStart</c> → <c>care_plan_start</c>.</summary>
    public static string TypeName(StateKind kind)
    {
        var text = kind.ToString();
        var result = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(text[i]));
        }
        return result.ToString();
    }
}

internal sealed class StateBuilder
{
    private readonly string _name;
    private readonly StateKind _kind;
    private readonly ModuleBuilder _module;
    private readonly SourceSpan _span;
    private readonly List<TransitionSpec> _transitions = new();
    private readonly List<ClinicalItemSpec> _items = new();
    private EncounterSpec? _encounter;
    private ConditionSpec? _guard;
    private double _advanceDays;
    private string? _submodule;

    public StateBuilder(string name, StateKind kind, ModuleBuilder module)
    {
        _name = name;
        _kind = kind;
        _module = module;
        _span = module.NextSpan(3, name.Length);
        _advanceDays = kind == StateKind.Encounter ? 1 : 0;
        if (kind == StateKind.Encounter)
        {
            _encounter = new EncounterSpec("Office Visit", EncounterClass.Ambulatory, null, null, null, EquatableArray<CodeSpec>.Empty);
        }
    }

    /// <summary>An edge; with a probability and/or a condition when given.</summary>
    public StateBuilder To(string target, double? probability = null, ConditionSpec? condition = null)
    {
        var targetSpan = _module.NextSpan(13, target.Length);
        var edgeSpan = new SourceSpan(targetSpan.Line, 9, targetSpan.Line, targetSpan.EndColumn);
        var weight = probability is null ? null : new ProbabilitySpec(probability.Value, false, _module.NextSpan(22, 4));
        _transitions.Add(new TransitionSpec(target, targetSpan, condition, weight, edgeSpan));
        return this;
    }

    /// <summary>An edge with <c>probability: remainder</c>.</summary>
    public StateBuilder ToRemainder(string target, ConditionSpec? condition = null)
    {
        var targetSpan = _module.NextSpan(13, target.Length);
        var edgeSpan = new SourceSpan(targetSpan.Line, 9, targetSpan.Line, targetSpan.EndColumn);
        _transitions.Add(new TransitionSpec(target, targetSpan, condition, new ProbabilitySpec(0, true, _module.NextSpan(22, 9)), edgeSpan));
        return this;
    }

    public StateBuilder AdvanceDays(double days)
    {
        _advanceDays = days;
        return this;
    }

    public StateBuilder Guard(ConditionSpec condition)
    {
        _guard = condition;
        return this;
    }

    public StateBuilder Submodule(string module)
    {
        _submodule = module;
        return this;
    }

    /// <summary>Codes on the encounter itself (encounter states only).</summary>
    public StateBuilder EncounterCodes(params (string System, string Code)[] codes)
    {
        _encounter = _encounter! with { Codes = Codes(codes) };
        return this;
    }

    /// <summary>A clinical item (condition, medication, observation...) with codes.</summary>
    public StateBuilder Item(string name, params (string System, string Code)[] codes)
    {
        _items.Add(NewItem(name, Codes(codes), EquatableArray<CarePlanActivitySpec>.Empty));
        return this;
    }

    /// <summary>A care plan item whose activities carry codes.</summary>
    public StateBuilder CarePlan(string name, params (string Activity, string System, string Code)[] activities)
    {
        var list = activities
            .Select(a => new CarePlanActivitySpec(a.Activity, "planned", Codes(new[] { (a.System, a.Code) })))
            .ToEquatableArray();
        _items.Add(NewItem(name, EquatableArray<CodeSpec>.Empty, list));
        return this;
    }

    /// <summary>The span of the code added last (codes get lines in the order they are added).</summary>
    public SourceSpan LastCodeSpan { get; private set; }

    private EquatableArray<CodeSpec> Codes(IEnumerable<(string System, string Code)> codes)
    {
        var list = new List<CodeSpec>();
        foreach (var (system, code) in codes)
        {
            LastCodeSpan = _module.NextSpan(17, code.Length + 2);
            list.Add(new CodeSpec(system, code, null, LastCodeSpan));
        }
        return list.ToEquatableArray();
    }

    private ClinicalItemSpec NewItem(string name, EquatableArray<CodeSpec> codes, EquatableArray<CarePlanActivitySpec> activities)
        => new(name, _module.NextSpan(9, name.Length), codes, null, null, null, null, null, null, null, null, null, null, null, null, 0, activities);

    public StateSpec Build() => new(_name, _kind, ModuleBuilder.TypeName(_kind), _span, _transitions.ToEquatableArray())
    {
        Duration = _kind == StateKind.Delay ? new QuantitySpec(DistributionKind.Exact, 30, 30, null, null, "days", 0, _span) : null,
        Guard = _guard,
        Encounter = _encounter,
        Items = _items.ToEquatableArray(),
        AdvanceDays = _advanceDays,
        Submodule = _submodule,
    };
}

/// <summary>Condition leaves and combinators for hand-built specs.</summary>
internal static class Conditions
{
    private static readonly SourceSpan Span = new(90, 11, 90, 30);

    public static ConditionSpec Attribute(string name, string value)
        => Leaf(ConditionKind.Attribute, name, ComparisonOperator.Equal) with { Value = new ValueSpec(ValueKind.Text, 0, value, Span) };

    public static ConditionSpec AgeBelow(double years)
        => Leaf(ConditionKind.Age, null, ComparisonOperator.Less) with { Number = years };

    public static ConditionSpec Observation(string loinc, SourceSpan nameSpan, double threshold = 7)
        => Leaf(ConditionKind.Observation, loinc, ComparisonOperator.GreaterOrEqual) with { NameSpan = nameSpan, Number = threshold };

    public static ConditionSpec And(params ConditionSpec[] operands)
        => Leaf(ConditionKind.And, null, ComparisonOperator.Equal) with { Operands = operands.ToEquatableArray() };

    public static ConditionSpec Not(ConditionSpec operand)
        => Leaf(ConditionKind.Not, null, ComparisonOperator.Equal) with { Operands = new[] { operand }.ToEquatableArray() };

    private static ConditionSpec Leaf(ConditionKind kind, string? name, ComparisonOperator op)
        => new(kind, Span, EquatableArray<ConditionSpec>.Empty, op, name, name is null ? SourceSpan.None : Span, 0, null);
}
