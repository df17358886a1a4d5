using System.Numerics;
using System.Runtime.CompilerServices;

namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// The states a module run has entered, as a 256-bit set held inline (four ulongs) so "prior_state" conditions
/// need no allocation. 256 matches the generated <c>enum State : byte</c>; states beyond it are not tracked.
/// </summary>
public struct StateSet
{
    public const int Capacity = 256;

    private ulong _bits0, _bits1, _bits2, _bits3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int state)
    {
        ulong bit = 1UL << (state & 63);
        switch ((uint)state >> 6)
        {
            case 0: _bits0 |= bit; break;
            case 1: _bits1 |= bit; break;
            case 2: _bits2 |= bit; break;
            case 3: _bits3 |= bit; break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Contains(int state)
    {
        ulong bit = 1UL << (state & 63);
        return ((uint)state >> 6) switch
        {
            0 => (_bits0 & bit) != 0,
            1 => (_bits1 & bit) != 0,
            2 => (_bits2 & bit) != 0,
            3 => (_bits3 & bit) != 0,
            _ => false,
        };
    }

    public void Clear() => this = default;

    public readonly int Count
        => BitOperations.PopCount(_bits0) + BitOperations.PopCount(_bits1) + BitOperations.PopCount(_bits2) + BitOperations.PopCount(_bits3);
}
