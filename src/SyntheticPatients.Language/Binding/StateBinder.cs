using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>Binds one entry of <c>states:</c> according to its <c>type</c>.</summary>
internal static class StateBinder
{
    public static StateSpec? Bind(YamlEntry entry, BindContext context)
    {
        var name = entry.Name;
        if (!entry.Value.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, entry.Value.Span, $"state '{name}'", "a mapping with 'type' and 'transitions'", entry.Value.Describe());
            return null;
        }
        var node = entry.Value;
        var typeNode = node.Get("type");
        var typeName = context.Text(typeNode, "type");
        if (typeName is null)
        {
            context.Report(DiagnosticCatalog.MissingField, entry.Key.Span, $"State '{name}'", "type", "Add 'type:' (for example 'type: delay').");
            return null;
        }
        if (!StateTypes.TryGet(typeName, out var kind, out var known))
        {
            context.Report(DiagnosticCatalog.UnknownStateType, typeNode!.Span, typeName, Spelling.Hint(typeName, StateTypes.Names), StateTypes.NameList());
            return null;
        }

        var fields = context.Fields(node, $"state '{name}' ({typeName})", known);
        var state = new StateSpec(name, kind, typeName, entry.Key.Span, TransitionBinder.Bind(fields, context))
        {
            AssignToAttribute = Attribute(fields, "assign_to_attribute", context),
            ReferencedByAttribute = Attribute(fields, "referenced_by_attribute", context),
            AttachToLastEncounter = fields.Boolean("attach_to_last_encounter") ?? false,
            // Encounters take a day unless told otherwise (the dialect's rule): loops through visits advance time.
            AdvanceDays = fields.Number("advance_days") ?? (kind == StateKind.Encounter ? 1 : 0),
            Sources = ModuleBinder.BindStringList(fields["sources"], "sources", context),
        };

        if (state.AdvanceDays < 0)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("advance_days"), "advance_days", "advance_days", "Time cannot go backwards; use 0 or more days.");
        }
        return KindBinder.Complete(state, fields, context);
    }

    internal static AttributeTarget? Attribute(FieldReader fields, string key, BindContext context)
    {
        var text = fields.Text(key);
        if (text is null) return null;
        if (text.Length == 0)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), text, key, "Give the attribute a name.");
            return null;
        }
        return new AttributeTarget(text, fields.SpanOf(key));
    }
}
