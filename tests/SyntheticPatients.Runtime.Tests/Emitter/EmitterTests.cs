using System.Globalization;
using SyntheticPatients.Generators.Emit;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Modules;
using Xunit;
using static SyntheticPatients.Runtime.Tests.Emitter.Specs;

namespace SyntheticPatients.Runtime.Tests.Emitter;

/// <summary>
/// The emitter on hand-built models: the emitted text compiles (warnings as errors) and, run against the runtime,
/// follows the dialect's transition rules. The sample modules in modules/ cover the YAML-to-runtime path end to end.
/// </summary>
public class EmitterTests
{
    private static readonly long Start = new DateTime(2000, 1, 1).Ticks;

    /// <summary>start → decision (the given edges) → route_x states that record which edge was taken.</summary>
    private static ModuleSpec Router(string name, ConditionOrSetup setup, params TransitionSpec[] edges)
    {
        var states = new List<StateSpec> { Start(setup.FirstState), State("decide", StateKind.Decision, edges) };
        states.AddRange(setup.States);
        foreach (var route in new[] { "a", "b", "c" })
        {
            states.Add(SetAttribute("route_" + route, "route", Text(route), "done"));
        }
        states.Add(Terminal("done"));
        return Module(name, states.ToArray());
    }

    private sealed record ConditionOrSetup(string FirstState, params StateSpec[] States)
    {
        public static readonly ConditionOrSetup None = new("decide");

        public static ConditionOrSetup Set(string attribute, ValueSpec value) => new("setup", SetAttribute("setup", attribute, value, "decide"));
    }

    private static string? Route(CompiledModules compiled, string module, ulong seed = 1, long index = 0)
    {
        var patient = compiled.NewPatient(seed, index);
        ModuleExecutor.Run(compiled.Module(module), patient, Start);
        var value = patient.Attributes[compiled.Slot("route")];
        return value.IsSet ? value.Text : null;
    }

    [Fact]
    public void Conditional_edges_are_tried_in_order_before_the_else_edge()
    {
        var kindIs = (string v) => AttributeEquals("kind", Text(v));
        var compiled = InMemoryCompiler.Compile(
            Router("pick_b", ConditionOrSetup.Set("kind", Text("b")), If(kindIs("a"), "route_a"), If(kindIs("b"), "route_b"), To("route_c")),
            Router("pick_else", ConditionOrSetup.Set("kind", Text("z")), If(kindIs("a"), "route_a"), To("route_c"), If(kindIs("z"), "route_b")));
        Assert.Equal("b", Route(compiled, "pick_b"));
        // The plain edge is the fallback even when listed before a matching conditional edge.
        Assert.Equal("b", Route(compiled, "pick_else"));
    }

    [Fact]
    public void A_weighted_draw_follows_the_probabilities_and_the_remainder()
    {
        var compiled = InMemoryCompiler.Compile(Router("draw", ConditionOrSetup.None, P(0.3, "route_a"), P(0.2, "route_b"), Remainder("route_c")));
        var counts = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        const int n = 20_000;
        for (int i = 0; i < n; i++) counts[Route(compiled, "draw", seed: 99, index: i)!]++;
        Assert.InRange(counts["a"] / (double)n, 0.285, 0.315);
        Assert.InRange(counts["b"] / (double)n, 0.188, 0.212);
        Assert.InRange(counts["c"] / (double)n, 0.485, 0.515);
    }

    [Fact]
    public void Ineligible_weighted_edges_drop_out_of_the_draw()
    {
        var atopic = AttributeEquals("atopic", Boolean(true));
        var compiled = InMemoryCompiler.Compile(
            Router("not_atopic", ConditionOrSetup.Set("atopic", Boolean(false)), P(0.9, "route_a", atopic), P(0.1, "route_b")),
            Router("atopic", ConditionOrSetup.Set("atopic", Boolean(true)), P(0.9, "route_a", atopic), P(0.1, "route_b")),
            Router("none_eligible", ConditionOrSetup.Set("atopic", Boolean(false)), P(0.9, "route_a", atopic), To("route_c")));
        for (int i = 0; i < 200; i++) Assert.Equal("b", Route(compiled, "not_atopic", index: i));
        int a = 0;
        for (int i = 0; i < 2000; i++) a += Route(compiled, "atopic", index: i) == "a" ? 1 : 0;
        Assert.InRange(a / 2000.0, 0.87, 0.93);
        Assert.Equal("c", Route(compiled, "none_eligible"));
    }

    [Fact]
    public void Zero_weights_take_the_last_edge_and_no_eligible_edge_terminates()
    {
        var never = Condition(ConditionKind.False);
        var compiled = InMemoryCompiler.Compile(
            Router("zero", ConditionOrSetup.None, P(0, "route_a"), P(0, "route_b")),
            Router("stuck", ConditionOrSetup.None, If(never, "route_a"), P(0.5, "route_b", never)),
            Router("implicit_end", ConditionOrSetup.None, To("end")));
        Assert.Equal("b", Route(compiled, "zero"));
        Assert.Null(Route(compiled, "stuck"));

        var patient = compiled.NewPatient();
        var result = ModuleExecutor.Run(compiled.Module("implicit_end"), patient, Start);
        Assert.Equal(ModuleRunOutcome.Terminated, result.Outcome);
        Assert.Equal(2, result.Steps);
    }

    [Fact]
    public void Guards_poll_weekly_and_delays_advance_exactly()
    {
        var adult = Condition(ConditionKind.Age, op: ComparisonOperator.GreaterOrEqual, number: 18);
        var compiled = InMemoryCompiler.Compile(Module("timing",
            Start("wait_for_adult"),
            State("wait_for_adult", StateKind.Guard, To("wait_90_days")) with { Guard = adult },
            Delay("wait_90_days", 90, "done"),
            Terminal("done")));
        var patient = compiled.NewPatient(); // born 1980-01-01
        var result = ModuleExecutor.Run(compiled.Module("timing"), patient, new DateTime(1990, 1, 3).Ticks);
        var passed = new DateTime(result.Now).AddDays(-90);
        Assert.InRange(passed, new DateTime(1998, 1, 1), new DateTime(1998, 1, 7));
        Assert.Equal(DayOfWeek.Wednesday, new DateTime(1990, 1, 3).DayOfWeek);
        Assert.Equal(DayOfWeek.Wednesday, passed.DayOfWeek); // whole weeks of polling
    }

    [Fact]
    public void Prior_state_counters_and_numeric_attributes_compile_to_direct_checks()
    {
        var twice = Condition(ConditionKind.Attribute, "visits", ComparisonOperator.GreaterOrEqual, value: Number(2));
        var sawBranch = Condition(ConditionKind.PriorState, "branch");
        var compiled = InMemoryCompiler.Compile(Module("loop",
            Start("count"),
            Counter("count", "visits", "pause"),
            Delay("pause", 1, "check"),
            State("check", StateKind.Decision, If(twice, "branch"), To("count")),
            State("branch", StateKind.Decision, If(sawBranch, "route_a"), To("route_b")),
            SetAttribute("route_a", "route", Text("a"), "done"),
            SetAttribute("route_b", "route", Text("b"), "done"),
            Terminal("done")));
        var patient = compiled.NewPatient();
        ModuleExecutor.Run(compiled.Module("loop"), patient, Start);
        Assert.True(patient.Attributes[compiled.Slot("visits")].Equals(2d));
        Assert.True(patient.Attributes[compiled.Slot("route")].Equals("a")); // the current state counts as entered
    }

    [Fact]
    public void Awkward_state_and_attribute_names_become_valid_distinct_identifiers()
    {
        var compiled = InMemoryCompiler.Compile(Module("2nd-module name",
            Start("default"),
            SetAttribute("default", "smoker status", Text("current"), "State"),
            SetAttribute("State", "smoker_status", Text("never"), "Asthma Onset"),
            SetAttribute("Asthma Onset", "Count", Number(3), "Asthma_Onset"),
            SetAttribute("Asthma_Onset", "class", Boolean(true), "1st visit"),
            SetAttribute("1st visit", "value__", Number(1), "end state")));
        var module = compiled.Module("2nd-module name");
        Assert.Equal("M2ndModuleNameModule", module.GetType().Name);
        Assert.Equal("Asthma Onset", module.StateName(3));
        Assert.Equal("(unknown state)", module.StateName(99));

        var patient = compiled.NewPatient();
        Assert.Equal(ModuleRunOutcome.Terminated, ModuleExecutor.Run(module, patient, Start).Outcome);
        Assert.True(patient.Attributes[compiled.Slot("smoker status")].Equals("current"));
        Assert.True(patient.Attributes[compiled.Slot("smoker_status")].Equals("never"));
        Assert.True(patient.Attributes[compiled.Slot("Count")].Equals(3d));
        Assert.True(patient.Attributes[compiled.Slot("class")].Equals(true));
        Assert.Equal(5, compiled.SlotCount);
    }

    [Fact]
    public void A_submodule_call_runs_the_target_class_and_resumes()
    {
        var childDone = AttributeEquals("child_ran", Boolean(true));
        var compiled = InMemoryCompiler.Compile(
            Module("parent",
                Start("call"),
                State("call", StateKind.CallSubmodule, To("after")) with { Submodule = "child" },
                State("after", StateKind.Decision, If(childDone, "route_a"), To("route_b")),
                SetAttribute("route_a", "route", Text("a"), "done"),
                SetAttribute("route_b", "route", Text("b"), "done"),
                Terminal("done")),
            Module("child",
                Start("wait"),
                Delay("wait", 3, "mark"),
                SetAttribute("mark", "child_ran", Boolean(true), "done"),
                Terminal("done")));
        var patient = compiled.NewPatient();
        var result = ModuleExecutor.Run(compiled.Module("parent"), patient, Start);
        Assert.Equal(ModuleRunOutcome.Terminated, result.Outcome);
        Assert.Equal(Start + 3 * TimeSpan.TicksPerDay, result.Now);
        Assert.True(patient.Attributes[compiled.Slot("route")].Equals("a"));
    }

    [Fact]
    public void More_than_256_states_is_a_compile_error_that_says_so()
    {
        var states = new List<StateSpec> { Start("s0") };
        for (int i = 0; i < 300; i++) states.Add(Delay("s" + i, 1, i == 299 ? "done" : "s" + (i + 1)));
        states.Add(Terminal("done"));
        var (assembly, diagnostics) = InMemoryCompiler.TryCompile(Module("huge", states.ToArray()));
        Assert.Null(assembly);
        Assert.Contains(diagnostics, d => d.Contains("CS1029") && d.Contains("at most 256"));
    }

    [Fact]
    public void Output_is_culture_invariant_deterministic_and_free_of_machine_paths()
    {
        var spec = Router("draw", ConditionOrSetup.None, P(0.3, "route_a"), P(0.25, "route_b"), Remainder("route_c"));
        var invariant = ModuleEmitter.Emit(spec);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fi-FI"); // comma decimals, U+2212 minus
            Assert.Equal(invariant, ModuleEmitter.Emit(spec));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.Contains("if (draw < 0.3d)", invariant);
        Assert.Contains("if (draw < 0.55d)", invariant);
        Assert.Contains("(modules/draw.yaml:", invariant);
        Assert.DoesNotContain("/repo/", invariant);
        Assert.StartsWith("// <auto-generated/>", invariant);
        Assert.Contains("#nullable enable", invariant);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"SyntheticPatients.Generators\", \"0.1.0\")]", invariant);
    }

    [Theory]
    [InlineData("asthma_v2", "AsthmaV2Module")]
    [InlineData("type2_diabetes_management", "Type2DiabetesManagementModule")]
    [InlineData("medications/otc pain-reliever", "MedicationsOtcPainRelieverModule")]
    [InlineData("2nd", "M2ndModule")]
    [InlineData("", "UnnamedModule")]
    public void Class_and_hint_names(string module, string className)
    {
        Assert.Equal(className, ModuleEmitter.ClassName(module));
        // The path hash keeps hint names distinct when two files declare the same module name.
        Assert.Matches("^" + className + @"\.[0-9a-f]{8}\.g\.cs$", ModuleEmitter.HintName(Module(module, Start("done"), Terminal("done"))));
        var elsewhere = Module(module, Start("done"), Terminal("done")) with { FilePath = "/other/modules/copy.yaml" };
        Assert.NotEqual(ModuleEmitter.HintName(Module(module)), ModuleEmitter.HintName(elsewhere));
    }

    [Fact]
    public void The_registry_lists_modules_by_name_and_sizes_the_attribute_slots()
    {
        var compiled = InMemoryCompiler.Compile(
            Module("zeta", Start("set"), SetAttribute("set", "b_attr", Number(1), "done"), Terminal("done")),
            Module("alpha", Start("set"), SetAttribute("set", "a_attr", Number(1), "done"), Terminal("done")));
        Assert.Equal("alpha", compiled.Module("alpha").Name);
        Assert.Equal(0, compiled.Slot("a_attr"));
        Assert.Equal(1, compiled.Slot("b_attr"));
        Assert.Equal(-1, compiled.Slot("missing"));
        Assert.Throws<KeyNotFoundException>(() => compiled.Module("missing"));
    }
}
