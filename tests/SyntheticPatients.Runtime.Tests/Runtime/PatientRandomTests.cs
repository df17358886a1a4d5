using SyntheticPatients.Runtime;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Runtime;

public class PatientRandomTests
{
    [Fact]
    public void Same_seed_and_index_give_the_same_sequence()
    {
        var a = new PatientRandom(42, 7);
        var b = new PatientRandom(42, 7);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Reset_gives_the_state_of_a_fresh_instance_including_the_gaussian_spare()
    {
        var reused = new PatientRandom(1, 1);
        reused.NextGaussian(0, 1); // leaves a spare value behind
        reused.Reset(42, 7);
        var fresh = new PatientRandom(42, 7);
        for (int i = 0; i < 100; i++) Assert.Equal(fresh.NextGaussian(0, 1), reused.NextGaussian(0, 1));
    }

    [Fact]
    public void Neighbouring_patients_and_seeds_get_unrelated_streams()
    {
        // Guards against seeding SplitMix64 with seed + index, which shifts one stream into the next.
        var first = Draws(new PatientRandom(42, 0), 64);
        var next = Draws(new PatientRandom(42, 1), 64);
        var otherSeed = Draws(new PatientRandom(43, 0), 64);
        Assert.Empty(first.Intersect(next));
        Assert.Empty(first.Intersect(otherSeed));
    }

    [Fact]
    public void The_sequence_is_pinned_so_a_seed_reproduces_the_same_population_across_versions()
    {
        // Change these only on purpose: it changes every generated population.
        var random = new PatientRandom(20261123, 0);
        Assert.Equal(new[] { 3824021982431730471UL, 5807210959870776309UL, 4710413344936532810UL }, Draws(random, 3));
    }

    [Fact]
    public void NextDouble_is_in_the_unit_interval_and_roughly_uniform()
    {
        var random = new PatientRandom(5, 5);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double x = random.NextDouble();
            Assert.InRange(x, 0.0, 0.9999999999999999);
            sum += x;
        }
        Assert.InRange(sum / n, 0.495, 0.505);
    }

    [Fact]
    public void NextDouble_with_bounds_stays_within_them()
    {
        var random = new PatientRandom(9, 3);
        for (int i = 0; i < 10_000; i++) Assert.InRange(random.NextDouble(300, 480), 300, 480);
    }

    [Fact]
    public void NextGaussian_has_the_requested_mean_and_standard_deviation()
    {
        var random = new PatientRandom(11, 2);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = random.NextGaussian(120, 15);
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / n;
        double sd = Math.Sqrt(sumSquares / n - mean * mean);
        Assert.InRange(mean, 119.8, 120.2);
        Assert.InRange(sd, 14.8, 15.2);
    }

    [Fact]
    public void NextExponential_has_the_requested_mean_and_takes_one_draw()
    {
        var random = new PatientRandom(5, 9);
        var twin = new PatientRandom(5, 9);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = random.NextExponential(30);
            Assert.True(x >= 0 && double.IsFinite(x));
            sum += x;
            sumSquares += x * x;
            twin.NextDouble();
        }
        double mean = sum / n;
        double sd = Math.Sqrt(sumSquares / n - mean * mean);
        // Exponential(mean 30): sd 30 too. The standard error of the mean is 30 / sqrt(200,000) = 0.067.
        Assert.InRange(mean, 29.7, 30.3);
        Assert.InRange(sd, 29.6, 30.4);
        Assert.Equal(twin.NextUInt64(), random.NextUInt64()); // one NextDouble per draw: the streams stay in step
    }

    [Fact]
    public void NextInt_covers_the_range_without_leaving_it()
    {
        var random = new PatientRandom(3, 3);
        var seen = new bool[7];
        for (int i = 0; i < 10_000; i++) seen[random.NextInt(7)] = true;
        Assert.All(seen, Assert.True);
        Assert.Equal(0, random.NextInt(1));
        Assert.Equal(0, random.NextInt(0));
    }

    private static List<ulong> Draws(PatientRandom random, int count)
    {
        var list = new List<ulong>(count);
        for (int i = 0; i < count; i++) list.Add(random.NextUInt64());
        return list;
    }
}
