using System.Numerics;
using System.Runtime.CompilerServices;

namespace SyntheticPatients.Runtime;

/// <summary>
/// The per-patient random source: xoshiro256** seeded through SplitMix64 from (run seed, patient index), so a
/// patient's draws depend only on those two numbers (not on thread scheduling or on other patients).
/// One instance per worker thread is re-seeded with <see cref="Reset"/> for each patient: no allocation.
/// </summary>
public sealed class PatientRandom
{
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;
    private bool _hasSpareGaussian;
    private double _spareGaussian;

    public PatientRandom(ulong seed, long patientIndex) => Reset(seed, patientIndex);

    /// <summary>Re-seeds for another patient; the state afterwards is the same as a fresh instance's.</summary>
    public void Reset(ulong seed, long patientIndex)
    {
        // Mix both inputs before seeding SplitMix64 so neighbouring indices start far apart in its sequence
        // (seeding with seed + index would make patient i+1's stream patient i's stream shifted by one).
        ulong state = Mix64(seed) ^ Mix64(unchecked((ulong)patientIndex + 0x632BE59BD9B4E019UL));
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the one state xoshiro cannot leave
        _hasSpareGaussian = false;
        _spareGaussian = 0;
    }

    /// <summary>64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>Uniform in [low, high).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, maxExclusive); 0 when maxExclusive &lt;= 1.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 1) return 0;
        // Lemire's multiply-shift with rejection: unbiased and division-free in the common case.
        ulong range = (ulong)maxExclusive;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }
        return (int)(ulong)(product >> 64);
    }

    /// <summary>Normal(mean, standardDeviation) by Box-Muller; the second value of each pair is kept for the next call.</summary>
    public double NextGaussian(double mean, double standardDeviation)
    {
        double z;
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            z = _spareGaussian;
        }
        else
        {
            double u1 = 1.0 - NextDouble(); // (0, 1]: keeps Log finite
            double u2 = NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            double angle = 2.0 * Math.PI * u2;
            z = radius * Math.Cos(angle);
            _spareGaussian = radius * Math.Sin(angle);
            _hasSpareGaussian = true;
        }
        return mean + standardDeviation * z;
    }

    /// <summary>Exponential with the given mean, by inversion: one NextDouble per draw.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble()); // 1 - u is in (0, 1]: Log is finite

    /// <summary>True with probability p.</summary>
    public bool NextBoolean(double probability) => NextDouble() < probability;

    private static ulong SplitMix64(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix64(state);
    }

    private static ulong Mix64(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
