using System.Globalization;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Checking;

public class ModuleCheckerTests
{
    private static List<DiagnosticInfo> Check(ModuleBuilder builder) => ModuleChecker.Check(builder.Build()).ToList();

    private static StateSpec StateOf(ModuleSpec spec, string name) => spec.States[spec.IndexOf(name)];

    [Fact]
    public void A_sound_module_has_no_diagnostics()
    {
        var builder = new ModuleBuilder()
            .Start("visit")
            .State("visit", StateKind.Encounter, s => s.To("diagnose"))
            .State("diagnose", StateKind.ConditionOnset, s => s
                .Item("Asthma", (CodeSystems.Snomed, "195967001"), (CodeSystems.Icd10Cm, "J45.40"))
                .To("decide"))
            .State("decide", StateKind.Decision, s => s
                .To("wait", 0.7)
                .To("end", 0.3))
            .State("wait", StateKind.Delay, s => s.To("visit"))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Missing_start_state_is_reported_at_the_module_name()
    {
        var diagnostics = Check(new ModuleBuilder("no_start").State("a", StateKind.Decision, s => s.To("end")).Terminal());
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SPM0002", diagnostic.Id);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.Equal(ModuleBuilder.NameSpan, diagnostic.Span);
        Assert.Equal("no_start", diagnostic.Arguments[0]);
        Assert.Equal("/repo/modules/no_start.yaml", diagnostic.FilePath);
    }

    [Fact]
    public void A_second_start_state_is_an_invalid_value()
    {
        var spec = new ModuleBuilder().Start().State("again", StateKind.Start, s => s.To("end")).Terminal().Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0017", diagnostic.Id);
        Assert.Equal(StateOf(spec, "again").Span, diagnostic.Span);
        Assert.Contains("'start'", diagnostic.Message);
    }

    [Fact]
    public void Unknown_target_is_reported_at_the_target_with_a_suggestion()
    {
        var spec = new ModuleBuilder()
            .Start("follow_up")
            .State("follow_up", StateKind.Decision, s => s.To("folow_up_delay"))
            .State("follow_up_delay", StateKind.Delay, s => s.To("end"))
            .Terminal()
            .Build();
        var diagnostics = ModuleChecker.Check(spec).ToList();
        var unknown = Assert.Single(diagnostics, d => d.Id == "SPM0006");
        Assert.Equal(StateOf(spec, "follow_up").Transitions[0].TargetSpan, unknown.Span);
        Assert.Equal("folow_up_delay", unknown.Arguments[0]);
        Assert.Equal("test_module", unknown.Arguments[1]);
        Assert.Contains("did you mean 'follow_up_delay'", unknown.Message);
        // The misspelt edge leaves the delay unreachable, which is reported too.
        Assert.Contains(diagnostics, d => d.Id == "SPM0010" && d.Arguments[0] == "follow_up_delay");
    }

    [Fact]
    public void Target_end_stops_the_module_even_without_an_end_state()
    {
        var builder = new ModuleBuilder().Start("a").State("a", StateKind.Decision, s => s.To("end"));
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Target_end_goes_to_the_end_state_when_there_is_one()
    {
        // The 'end' state is reached through the edge, so it is not unreachable.
        Assert.Empty(Check(new ModuleBuilder().Start("end").Terminal()));
    }

    [Fact]
    public void Non_terminal_state_without_transitions_has_no_way_out()
    {
        var spec = new ModuleBuilder()
            .Start("record")
            .State("record", StateKind.Observation, s => s.Item("Glucose", (CodeSystems.Loinc, "2345-7")))
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0011", diagnostic.Id);
        Assert.Equal(StateOf(spec, "record").Span, diagnostic.Span);
        Assert.Equal(new[] { "record", "observation" }, diagnostic.Arguments);
    }

    [Fact]
    public void Terminal_and_death_states_need_no_transitions()
    {
        var builder = new ModuleBuilder()
            .Start("fate")
            .State("fate", StateKind.Decision, s => s.To("die", 0.1).To("end", 0.9))
            .State("die", StateKind.Death)
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(0.6, 0.6)]
    [InlineData(0.0, 0.0)]
    public void Unconditional_probabilities_must_sum_to_one(double a, double b)
    {
        var spec = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", a).To("other", b))
            .State("other", StateKind.Decision, s => s.To("end"))
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0007", diagnostic.Id);
        Assert.Equal(StateOf(spec, "decide").Span, diagnostic.Span);
        Assert.Contains($"sum to {(a + b).ToString(CultureInfo.InvariantCulture)}, not 1", diagnostic.Message);
    }

    [Fact]
    public void Probability_sums_tolerate_floating_point_noise()
    {
        var builder = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", 0.1).To("end", 0.2).To("end", 0.7))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void A_zero_weight_branch_is_allowed()
    {
        var builder = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", 1.0).To("end", 0.0))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Negative_probability_is_reported_at_the_probability()
    {
        var spec = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", 1.2).To("end", -0.2))
            .Terminal()
            .Build();
        var diagnostics = ModuleChecker.Check(spec).ToList();
        var decide = StateOf(spec, "decide");
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SPM0007", d.Id));
        Assert.Equal(decide.Transitions[0].Probability!.Span, diagnostics[0].Span);
        Assert.Contains("greater than 1", diagnostics[0].Message);
        Assert.Equal(decide.Transitions[1].Probability!.Span, diagnostics[1].Span);
        Assert.Contains("-0.2", diagnostics[1].Message);
        Assert.Contains("negative", diagnostics[1].Message);
    }

    [Fact]
    public void Non_finite_probability_is_reported()
    {
        var spec = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", double.NaN).To("end", 1))
            .Terminal()
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0007", diagnostic.Id);
        Assert.Contains("not a finite number", diagnostic.Message);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void A_remainder_takes_what_the_other_branches_leave(double other)
    {
        var builder = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", other).ToRemainder("end"))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void A_remainder_with_nothing_left_is_an_error()
    {
        var spec = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", 0.8).To("end", 0.4).ToRemainder("end"))
            .Terminal()
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0007", diagnostic.Id);
        Assert.Equal(StateOf(spec, "decide").Span, diagnostic.Span);
        Assert.Contains("sum to 1.2", diagnostic.Message);
    }

    [Fact]
    public void Two_remainders_are_an_error_at_the_second()
    {
        var spec = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", 0.5).ToRemainder("end").ToRemainder("end"))
            .Terminal()
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0007", diagnostic.Id);
        Assert.Equal(StateOf(spec, "decide").Transitions[2].Probability!.Span, diagnostic.Span);
        Assert.Contains("more than one 'remainder'", diagnostic.Message);
    }

    [Fact]
    public void Conditional_weighted_branches_are_not_required_to_sum_to_one()
    {
        // As copd_v2's oxygen_therapy_decision: weights under conditions, one of them 0.0.
        var candidate = Conditions.Attribute("oxygen_candidate", "true");
        var notCandidate = Conditions.Attribute("oxygen_candidate", "false");
        var builder = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s
                .To("oxygen", 0.35, candidate)
                .To("end", 0.65, candidate)
                .To("end", 0.0, notCandidate))
            .State("oxygen", StateKind.Decision, s => s.To("end"))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void A_condition_only_edge_does_not_exempt_the_weighted_edges()
    {
        // As asthma_v2's asthma_onset_pathway: a deterministic condition edge, then weights that must sum to 1.
        var sound = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", null, Conditions.AgeBelow(18)).To("end", 0.95).To("end", 0.05))
            .Terminal();
        Assert.Empty(Check(sound));

        var broken = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s.To("end", null, Conditions.AgeBelow(18)).To("end", 0.95).To("end", 0.5))
            .Terminal();
        Assert.Equal("SPM0007", Assert.Single(Check(broken)).Id);
    }

    [Fact]
    public void A_conditional_edge_with_weight_one_next_to_a_condition_only_edge_is_fine()
    {
        // As asthma_v2's attack_path_selector.
        var builder = new ModuleBuilder()
            .Start("decide")
            .State("decide", StateKind.Decision, s => s
                .To("end", null, Conditions.Attribute("asthma_type", "childhood"))
                .To("end", 1.0, Conditions.Attribute("asthma_type", "lifelong")))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Unreachable_states_are_warnings_at_the_state()
    {
        var spec = new ModuleBuilder()
            .Start("loop")
            .State("loop", StateKind.Delay, s => s.To("loop"))
            .State("orphan", StateKind.Decision, s => s.To("end"))
            .Terminal()
            .Build();
        var diagnostics = ModuleChecker.Check(spec).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SPM0010", d.Id);
            Assert.Equal(DiagnosticLevel.Warning, d.Level);
        });
        Assert.Equal(new[] { "orphan", "end" }, diagnostics.Select(d => d.Arguments[0]));
        Assert.Equal(StateOf(spec, "orphan").Span, diagnostics[0].Span);
    }

    [Fact]
    public void Without_a_start_state_reachability_is_not_reported()
    {
        var diagnostics = Check(new ModuleBuilder().State("a", StateKind.Decision, s => s.To("b")).State("b", StateKind.Delay, s => s.To("end")));
        Assert.Equal("SPM0002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_loop_without_time_is_reported_once_at_its_first_state()
    {
        var spec = new ModuleBuilder()
            .Start("check")
            .State("check", StateKind.Decision, s => s.To("set_flag", 0.5).To("end", 0.5))
            .State("set_flag", StateKind.SetAttribute, s => s.To("recheck"))
            .State("recheck", StateKind.Decision, s => s.To("check"))
            .Terminal()
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0012", diagnostic.Id);
        Assert.Equal(StateOf(spec, "check").Span, diagnostic.Span);
        Assert.Equal("'check', 'set_flag' and 'recheck'", diagnostic.Arguments[0]);
    }

    [Fact]
    public void A_self_loop_without_time_is_reported()
    {
        var spec = new ModuleBuilder()
            .Start("spin")
            .State("spin", StateKind.Decision, s => s.To("spin", 0.5).To("end", 0.5))
            .Terminal()
            .Build();
        var diagnostic = Assert.Single(ModuleChecker.Check(spec));
        Assert.Equal("SPM0012", diagnostic.Id);
        Assert.Equal("'spin'", diagnostic.Arguments[0]);
    }

    [Theory]
    [InlineData(StateKind.Delay)]
    [InlineData(StateKind.Guard)]
    [InlineData(StateKind.Encounter)]
    [InlineData(StateKind.CallSubmodule)]
    public void A_loop_through_a_state_that_advances_time_is_fine(StateKind kind)
    {
        var builder = new ModuleBuilder()
            .Start("check")
            .State("check", StateKind.Decision, s => s.To("step", 0.5).To("end", 0.5))
            .State("step", kind, s =>
            {
                // A guard waits only while its condition can be false (one without a condition is SPM0030).
                if (kind == StateKind.Guard) s.Guard(Conditions.AgeBelow(18));
                s.To("check");
            })
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Advance_days_makes_any_state_advance_time_and_zero_days_does_not()
    {
        var withDays = new ModuleBuilder()
            .Start("check")
            .State("check", StateKind.Decision, s => s.To("note", 0.5).To("end", 0.5))
            .State("note", StateKind.SetAttribute, s => s.AdvanceDays(14).To("check"))
            .Terminal();
        Assert.Empty(Check(withDays));

        var sameDayVisit = new ModuleBuilder()
            .Start("check")
            .State("check", StateKind.Decision, s => s.To("visit", 0.5).To("end", 0.5))
            .State("visit", StateKind.Encounter, s => s.AdvanceDays(0).To("check"))
            .Terminal();
        Assert.Equal("SPM0012", Assert.Single(Check(sameDayVisit)).Id);
    }

    [Fact]
    public void Separate_timeless_loops_are_each_reported()
    {
        var diagnostics = Check(new ModuleBuilder()
            .Start("a")
            .State("a", StateKind.Decision, s => s.To("b", 0.5).To("c", 0.5))
            .State("b", StateKind.Decision, s => s.To("a"))
            .State("c", StateKind.Delay, s => s.To("d"))
            .State("d", StateKind.Decision, s => s.To("e"))
            .State("e", StateKind.Decision, s => s.To("d", 0.5).To("end", 0.5))
            .Terminal());
        Assert.Equal(new[] { "'a' and 'b'", "'d' and 'e'" }, diagnostics.Select(d => d.Arguments[0]));
        Assert.All(diagnostics, d => Assert.Equal("SPM0012", d.Id));
    }

    [Fact]
    public void Long_chains_do_not_exhaust_the_stack()
    {
        // 20,000 timeless states in one big loop: the SCC search and the reachability walk are iterative.
        const int count = 20_000;
        var builder = new ModuleBuilder().Start("s0");
        for (int i = 0; i < count; i++)
        {
            int next = (i + 1) % count;
            builder.State("s" + i, StateKind.Decision, s => s.To("s" + next));
        }
        var diagnostic = Assert.Single(Check(builder));
        Assert.Equal("SPM0012", diagnostic.Id);
        Assert.StartsWith("'s0', 's1', ", diagnostic.Arguments[0]);
    }

    [Fact]
    public void Malformed_codes_are_reported_at_the_code()
    {
        SourceSpan badLoinc = default, badSnomed = default;
        var spec = new ModuleBuilder()
            .Start("diagnose")
            .State("diagnose", StateKind.ConditionOnset, s =>
            {
                s.Item("Asthma", (CodeSystems.Snomed, "195967002"));
                badSnomed = s.LastCodeSpan;
                s.Item("Asthma ICD", (CodeSystems.Icd10Cm, "J45.40"));
                s.To("labs");
            })
            .State("labs", StateKind.Observation, s =>
            {
                s.Item("Glucose", (CodeSystems.Loinc, "2345-8"));
                badLoinc = s.LastCodeSpan;
                s.To("end");
            })
            .Terminal()
            .Build();
        var diagnostics = ModuleChecker.Check(spec).ToList();
        Assert.Equal(2, diagnostics.Count);
        // Right shape, wrong check digit: not a real code, reported as SPM0020 (an error: such a module does not build).
        Assert.All(diagnostics, d => Assert.Equal("SPM0020", d.Id));
        Assert.Equal(badSnomed, diagnostics[0].Span);
        Assert.Equal(new[] { "SNOMED-CT", "195967002" }, diagnostics[0].Arguments.Take(2));
        Assert.Equal(badLoinc, diagnostics[1].Span);
        Assert.StartsWith("LOINC code '2345-8' is not a valid code: its check digit is 8", diagnostics[1].Message);
    }

    [Fact]
    public void Codes_on_encounters_care_plan_activities_and_observation_conditions_are_checked()
    {
        var conditionSpan = new SourceSpan(80, 17, 80, 25);
        var spec = new ModuleBuilder()
            .Start("visit")
            .State("visit", StateKind.Encounter, s => s.EncounterCodes((CodeSystems.Snomed, "185349003"), ("snomed", "12345")).To("plan"))
            .State("plan", StateKind.CarePlanStart, s => s.CarePlan("Asthma plan", ("Inhaler teaching", "CPT", "9464")).To("wait"))
            .State("wait", StateKind.Guard, s => s
                .Guard(Conditions.And(Conditions.Not(Conditions.Observation("4548-5", conditionSpan))))
                .To("end"))
            .Terminal()
            .Build();
        var diagnostics = ModuleChecker.Check(spec).ToList();
        Assert.Equal(new[] { "SNOMED-CT:12345", "CPT:9464", "LOINC:4548-5" }, diagnostics.Select(d => d.Arguments[0] + ":" + d.Arguments[1]));
        Assert.Equal(new[] { "SPM0015", "SPM0015", "SPM0020" }, diagnostics.Select(d => d.Id));
        Assert.Equal(conditionSpan, diagnostics[2].Span);
    }

    [Fact]
    public void Codes_of_unknown_systems_are_left_alone()
    {
        var builder = new ModuleBuilder()
            .Start("image")
            .State("image", StateKind.Procedure, s => s.Item("Study", ("DICOM-DCM", "not checked")).To("end"))
            .Terminal();
        Assert.Empty(Check(builder));
    }

    [Fact]
    public void Diagnostics_come_in_source_order()
    {
        var diagnostics = Check(new ModuleBuilder()
            .Start("a")
            .State("a", StateKind.Decision, s => s.To("nowhere").To("b", 0.5).To("end", 0.4))
            .State("b", StateKind.Observation, s => s.Item("x", (CodeSystems.Loinc, "1-1")))
            .State("c", StateKind.Decision, s => s.To("end")));
        Assert.Equal(new[] { "SPM0007", "SPM0006", "SPM0011", "SPM0020", "SPM0010" }, diagnostics.Select(d => d.Id));
        var lines = diagnostics.Select(d => d.Span.Line).ToList();
        Assert.Equal(lines.OrderBy(l => l), lines);
    }

    [Fact]
    public void Checking_is_deterministic()
    {
        var spec = new ModuleBuilder()
            .State("a", StateKind.Decision, s => s.To("b").To("x"))
            .State("b", StateKind.Decision, s => s.To("a"))
            .Build();
        Assert.Equal(ModuleChecker.Check(spec).ToList(), ModuleChecker.Check(spec).ToList());
    }
}
