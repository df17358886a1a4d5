using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>Reads attribute values: unquoted true/false are booleans, unquoted numbers are numbers, the rest text.</summary>
internal static class ValueBinder
{
    public static ValueSpec? Bind(YamlNode node, string field, BindContext context)
    {
        if (node.IsNull) return ValueSpec.Null(node.Span);
        if (node.IsMapping && node.Get("use") is not null)
        {
            var number = context.Number(node, field);
            return number is null ? null : new ValueSpec(ValueKind.Number, number.Value, null, node.Span);
        }
        if (!node.IsScalar)
        {
            context.Report(DiagnosticCatalog.WrongValueType, node.Span, field, "a number, text, true or false", node.Describe());
            return null;
        }
        var text = node.Value ?? string.Empty;
        if (!node.IsQuoted)
        {
            if (text is "true" or "True" or "TRUE") return new ValueSpec(ValueKind.Boolean, 1, null, node.Span);
            if (text is "false" or "False" or "FALSE") return new ValueSpec(ValueKind.Boolean, 0, null, node.Span);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return new ValueSpec(ValueKind.Number, number, null, node.Span);
            }
        }
        return new ValueSpec(ValueKind.Text, 0, text, node.Span);
    }
}
