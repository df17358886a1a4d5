using System;

namespace SyntheticPatients.Generators.Emit;

/// <summary>Parenthesis bookkeeping for emitted boolean expressions (keeps <c>if (...)</c> lines free of double parentheses).</summary>
internal static class Expressions
{
    /// <summary>The expression wrapped in parentheses unless its outer pair already encloses all of it.</summary>
    public static string Parenthesize(string expression) => IsOneGroup(expression) ? expression : "(" + expression + ")";

    /// <summary>The expression without an outer pair of parentheses that encloses all of it.</summary>
    public static string Unwrap(string expression) => IsOneGroup(expression) ? expression.Substring(1, expression.Length - 2) : expression;

    /// <summary>Whether the expression starts with '(' whose matching ')' is its last character ("(a) &amp;&amp; (b)" is not).</summary>
    private static bool IsOneGroup(string expression)
    {
        if (!expression.StartsWith("(", StringComparison.Ordinal) || !expression.EndsWith(")", StringComparison.Ordinal)) return false;
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < expression.Length; i++)
        {
            char c = expression[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0 && i < expression.Length - 1) return false;
        }
        return depth == 0;
    }
}
