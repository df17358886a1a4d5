using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Records;

/// <summary>
/// Record-level rules on patients of the general scenario through the whole pipeline: every clinical row belongs
/// to an encounter that covers it, a drug has one open order at a time, and orders end by their kind
/// (docs/outputs.md). The survey is shared: one population serves every test.
/// </summary>
public sealed class RecordLinkTests(ITestOutputHelper output, RecordLinkTests.Population population) : IClassFixture<RecordLinkTests.Population>
{
    /// <summary>2,000 patients (SP_RECORD_SURVEY_PATIENTS overrides it, for measuring larger populations).</summary>
    public sealed class Population
    {
        public RecordLinkSurvey Survey { get; } = RecordLinkSurvey.Of(
            int.TryParse(Environment.GetEnvironmentVariable("SP_RECORD_SURVEY_PATIENTS"), out int count) ? count : 2_000);
    }

    [Fact]
    public void Every_clinical_row_has_an_existing_encounter_covering_its_time()
    {
        var survey = Survey();
        Assert.True(survey.Unlinked.Values.Sum() == 0 && survey.Misplaced.Values.Sum() == 0, survey.ToString());
    }

    [Fact]
    public void No_drug_is_ordered_twice_while_an_order_of_it_is_open()
    {
        var survey = Survey();
        Assert.True(survey.PatientsWithDuplicateOpenDrug == 0, survey.ToString());
    }

    [Fact]
    public void Topical_symptom_and_acute_orders_end_within_their_course()
    {
        var survey = Survey();
        Assert.True(survey.OverCourse.Values.Sum() == 0, survey.ToString());
    }

    [Fact]
    public void Chronic_orders_are_renewed_at_visits_or_end()
    {
        var survey = Survey();
        Assert.True(survey.Unrenewed == 0, survey.ToString());
        Assert.True(survey.OpenOverTenYears.GetValueOrDefault(MedicationKind.Chronic) > 0, "long chronic therapy still exists when renewed\n" + survey);
    }

    private RecordLinkSurvey Survey()
    {
        output.WriteLine(population.Survey.ToString());
        return population.Survey;
    }
}
