using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SyntheticPatients.Language.Describing;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Graphs;

/// <summary>
/// A module's state machine as a Mermaid flowchart: one node per state (labelled with its type), one arrow per
/// transition (labelled with its probability and/or its condition, worded by <see cref="Describer"/>). Used by `synthpatients modules graph` and
/// embedded in the generated classes so compiled modules can draw themselves.
/// </summary>
public static class MermaidGraph
{
    public static string Build(ModuleSpec spec)
    {
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        var ids = new Dictionary<string, string>();
        for (int i = 0; i < spec.States.Count; i++)
        {
            var state = spec.States[i];
            var id = "s" + i.ToString(CultureInfo.InvariantCulture);
            ids[state.Name] = id;
            var shape = state.Kind switch
            {
                StateKind.Start or StateKind.Terminal or StateKind.Death => ("([", "])"),
                StateKind.Decision => ("{", "}"),
                StateKind.Delay or StateKind.Guard => ("[/", "/]"),
                _ => ("[", "]"),
            };
            text.Append("    ").Append(id).Append(shape.Item1).Append('"').Append(Escape(state.Name)).Append("<br/><i>")
                .Append(state.TypeName).Append("</i>\"").Append(shape.Item2).Append('\n');
        }
        foreach (var state in spec.States)
        {
            foreach (var edge in state.Transitions)
            {
                if (!ids.TryGetValue(edge.Target, out var target))
                {
                    // `end` without a state of that name stops the module.
                    target = "stop";
                    if (!ids.ContainsKey("(stop)"))
                    {
                        ids["(stop)"] = target;
                        text.Append("    stop((\"end\"))\n");
                    }
                }
                var label = Label(edge);
                text.Append("    ").Append(ids[state.Name]).Append(label.Length == 0 ? " --> " : " -->|\"" + Escape(label) + "\"| ").Append(target).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Label(TransitionSpec edge)
    {
        var parts = new List<string>();
        if (edge.Condition is not null) parts.Add("if " + Describer.Condition(edge.Condition));
        if (edge.Probability is { } p) parts.Add(p.IsRemainder ? "remainder" : p.Value.ToString("0.###", CultureInfo.InvariantCulture));
        return string.Join(": ", parts);
    }

    // Mermaid labels are quoted; quotes inside become #quot; and angle brackets their entities.
    private static string Escape(string text) => text.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");
}
