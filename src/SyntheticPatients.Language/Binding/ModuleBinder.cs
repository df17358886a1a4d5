using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>
/// Turns a module's YAML tree into a <see cref="ModuleSpec"/>: reads every field with its position,
/// resolves <c>use:</c> parameter references and reports shape errors (unknown fields and types,
/// wrong value types, missing fields, duplicate states). Graph-level checks run afterwards in the checker.
/// </summary>
public static class ModuleBinder
{
    internal static readonly string[] ModuleFields =
    {
        "name", "description", "version", "gmf_version", "categories", "sources", "remarks", "terminology", "states",
    };

    internal static readonly string[] CategoryNames =
    {
        "encounters", "conditions", "medications", "observations", "procedures", "immunizations", "care_plans", "allergies",
    };

    internal static readonly Dictionary<string, CategoryMode> CategoryModes = new()
    {
        ["augment"] = CategoryMode.Augment,
        ["replace"] = CategoryMode.Replace,
    };

    public static ModuleBindResult Bind(YamlDocumentSyntax document, ParameterSet parameters)
    {
        var context = new BindContext(document.FilePath, parameters);
        context.Diagnostics.AddRange(document.Diagnostics);
        if (document.Root is null && document.Diagnostics.IsEmpty)
        {
            context.Report(DiagnosticCatalog.MissingField, new SourceSpan(1, 1, 1, 1), "A module file", "name",
                "The file is empty: a module needs 'name:' and 'states:' with a 'start' state.");
        }
        var spec = document.Root is null ? null : BindModule(document.Root, context);
        return new ModuleBindResult(spec, context.Diagnostics.ToEquatableArray());
    }

    private static ModuleSpec? BindModule(YamlNode root, BindContext context)
    {
        if (!root.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, root.Span, "module", "a mapping with 'name' and 'states'", root.Describe());
            return null;
        }
        var fields = context.Fields(root, "the module", ModuleFields);
        var stem = FileKinds.Stem(context.FilePath);
        var name = fields.Text("name");
        var nameSpan = fields.Has("name") ? fields.SpanOf("name") : new SourceSpan(root.Span.Line, root.Span.Column, root.Span.Line, root.Span.Column);
        if (name is null || name.Length == 0)
        {
            context.Report(DiagnosticCatalog.MissingField, nameSpan, "The module", "name", $"Add 'name: {stem}' at the top.");
            name = stem;
        }

        var statesNode = context.Mapping(fields["states"], "states");
        if (!fields.Has("states"))
        {
            context.Report(DiagnosticCatalog.MissingField, nameSpan, $"Module '{name}'", "states", "Add a 'states:' mapping with at least a 'start' state.");
        }

        var states = new List<StateSpec>();
        if (statesNode is not null)
        {
            var firstByName = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
            foreach (var entry in statesNode.Entries)
            {
                if (firstByName.TryGetValue(entry.Name, out var first))
                {
                    context.Report(DiagnosticCatalog.DuplicateState, entry.Key.Span, entry.Name, first.Key.Span.Line.ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                firstByName.Add(entry.Name, entry);
                var state = StateBinder.Bind(entry, context);
                if (state is not null) states.Add(state);
            }
        }

        return new ModuleSpec(
            name,
            context.FilePath,
            nameSpan,
            fields.Text("description") ?? string.Empty,
            fields.Text("version"),
            BindCategories(fields["categories"], context),
            BindStringList(fields["sources"], "sources", context),
            states.ToEquatableArray())
        {
            TerminologyMode = BindTerminologyMode(fields, context),
        };
    }

    private static TerminologyMode BindTerminologyMode(FieldReader fields, BindContext context)
    {
        var text = fields.Text("terminology");
        if (text is null) return TerminologyMode.Default;
        if (TerminologyPolicy.TryParse(text, out var mode)) return mode;
        context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("terminology"), text, "terminology", TerminologyPolicy.Choices);
        return TerminologyMode.Default;
    }

    private static EquatableArray<CategoryModeSpec> BindCategories(YamlNode? node, BindContext context)
    {
        var mapping = context.Mapping(node, "categories");
        if (mapping is null) return EquatableArray<CategoryModeSpec>.Empty;
        var result = new List<CategoryModeSpec>();
        context.Fields(mapping, "categories", CategoryNames);
        foreach (var entry in mapping.Entries)
        {
            var mode = entry.Value.Value;
            if (mode is not null && CategoryModes.TryGetValue(mode, out var categoryMode)) result.Add(new CategoryModeSpec(entry.Name, categoryMode, entry.Value.Span));
            else context.Report(DiagnosticCatalog.InvalidValue, entry.Value.Span, mode ?? entry.Value.Describe(), "categories." + entry.Name, "Use 'augment' or 'replace'.");
        }
        return result.ToEquatableArray();
    }

    internal static EquatableArray<string> BindStringList(YamlNode? node, string field, BindContext context)
    {
        var result = new List<string>();
        foreach (var item in context.List(node, field, allowSingle: true))
        {
            var text = context.Text(item, field);
            if (text is not null) result.Add(text);
        }
        return result.ToEquatableArray();
    }
}

/// <summary>The outcome of binding one module file: the model (null if unusable) and its diagnostics.</summary>
public sealed record ModuleBindResult(ModuleSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
