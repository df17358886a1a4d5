using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Records;

/// <summary>
/// One body per patient (issue: coherent life): over 5,000 patients of the general scenario (SP_BODY_SURVEY_PATIENTS
/// overrides it), every BMI is the weight and height taken with it, adult BMI moves only when something changed the
/// body, obesity is diagnosed only on an obese BMI, and the population has the published BMI distribution.
/// </summary>
public sealed class BodyConsistencyTests(ITestOutputHelper output, BodyConsistencyTests.Population population) : IClassFixture<BodyConsistencyTests.Population>
{
    public sealed class Population
    {
        public BodySurvey Survey { get; } = BodySurvey.Of(
            int.TryParse(Environment.GetEnvironmentVariable("SP_BODY_SURVEY_PATIENTS"), out int count) ? count : 5_000);
    }

    [Fact]
    public void Every_bmi_is_the_weight_over_the_height_squared_taken_with_it()
    {
        var survey = Survey();
        Assert.True(survey.BmiWithWeightAndHeight > 10_000, "too few complete readings to judge\n" + survey);
        Assert.True(survey.BmiNotWeightOverHeightSquared == 0, survey.ToString());
    }

    [Fact]
    public void Adult_bmi_moves_more_than_5_in_60_days_only_when_the_body_was_changed()
    {
        var survey = Survey();
        Assert.True(survey.AdultJumpsWithoutCause == 0, survey.ToString());
    }

    [Fact]
    public void Obesity_is_diagnosed_only_on_an_obese_bmi_and_never_before_two()
    {
        var survey = Survey();
        Assert.True(survey.ObesityDiagnoses > 500, "too few diagnoses to judge\n" + survey);
        Assert.True(survey.ObesityDiagnosesOnNonObeseBmi == 0 && survey.ObesityDiagnosesUnderTwo == 0, survey.ToString());
    }

    /// <summary>
    /// NHANES 2017-March 2020 (Stierman et al., NHSR 158, 2021): obesity 19.7 % at 2-19 (BMI >= CDC 95th percentile),
    /// 39.8 % at 20-39, 44.3 % at 40-59, 41.5 % at 60+; underweight 4.1 % at 2-19 (Fryar et al., NCHS Health E-Stats,
    /// 2020, NHANES 2017-2018). Bands: +-5 points (about 3 standard errors at the ~1,000 living patients per band).
    /// </summary>
    [Theory]
    [InlineData("2-19", 0.197)]
    [InlineData("20-39", 0.398)]
    [InlineData("40-59", 0.443)]
    [InlineData("60+", 0.415)]
    public void Obesity_by_age_matches_nhanes(string band, double expected)
    {
        double share = Survey().ObeseShare(band);
        Assert.True(Math.Abs(share - expected) <= 0.05, $"obese {band} = {share:P1}, expected [{expected - 0.05:P1}, {expected + 0.05:P1}] (NHANES 2017-2020)\n{Survey()}");
    }

    [Fact]
    public void Child_underweight_matches_nhanes()
    {
        double share = Survey().UnderweightShare("2-19");
        Assert.True(Math.Abs(share - 0.041) <= 0.025, $"underweight 2-19 = {share:P1}, expected [1.6%, 6.6%] (NHANES 2017-2018)\n{Survey()}");
    }

    private BodySurvey Survey()
    {
        output.WriteLine(population.Survey.ToString());
        return population.Survey;
    }
}
