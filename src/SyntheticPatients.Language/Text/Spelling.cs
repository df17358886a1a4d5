using System;
using System.Collections.Generic;

namespace SyntheticPatients.Language.Text;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Spelling
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Distance(input, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        // Only suggest near misses: at most a third of the word changed (and at least one edit allowed).
        return best is not null && bestDistance <= Math.Max(1, input.Length / 3) ? best : null;
    }

    /// <summary>Formats a suggestion as a message suffix: <c> (did you mean 'x'?)</c>, or empty.</summary>
    public static string Hint(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? string.Empty : $" (did you mean '{closest}'?)";
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit ("dealy" is one edit from "delay").</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
