using System.Text;

namespace SyntheticPatients.Generators.Tests.HostileInput;

/// <summary>Inputs found by trying the tool with bad files (issue 12): alias bombs and deep nesting.</summary>
public static class HostileYaml
{
    /// <summary>
    /// A billion-laughs module: condition l0 is <c>{type: true}</c> (3 nodes), each later level an <c>and</c> of
    /// <paramref name="width"/> aliases of the previous one, and the start state's transition tests the last level,
    /// so the binder would build width^(levels-1) conditions. Level k is on line k + 2 (aliases at column 34 + 5i).
    /// </summary>
    public static string AliasBomb(int levels, int width)
    {
        var text = new StringBuilder("name: bomb\n");
        text.Append("l0: &l0 {type: true}\n");
        for (int level = 1; level < levels; level++)
        {
            text.Append('l').Append(level).Append(": &l").Append(level).Append(" {type: and, conditions: [")
                .Append(Repeat("*l" + (level - 1), width)).Append("]}\n");
        }
        text.Append("states:\n  start:\n    type: start\n    transitions:\n      - to: end\n        condition: *l").Append(levels - 1)
            .Append("\n  end:\n    type: terminal\n");
        return text.ToString();
    }

    /// <summary>A module whose 'states' holds <paramref name="levels"/> nested flow lists (200 KB at 100,000 levels).</summary>
    public static string Deep(int levels) => "name: deep\nstates: " + new string('[', levels) + new string(']', levels) + "\n";

    private static string Repeat(string item, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.Append(i == 0 ? "" : ", ").Append(item);
        return text.ToString();
    }
}
