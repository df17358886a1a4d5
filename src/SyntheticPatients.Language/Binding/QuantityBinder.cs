using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>Reads exact / uniform-range / gaussian / exponential quantities for delays (in days) and observation values.</summary>
internal static class QuantityBinder
{
    internal static readonly string[] ExactFields = { "quantity", "unit" };
    internal static readonly string[] RangeFields = { "low", "high", "min", "max", "unit", "decimals" };
    internal static readonly string[] GaussianFields = { "mean", "standard_deviation", "sd", "min", "max", "unit", "decimals" };
    internal static readonly string[] ExponentialFields = { "mean", "min", "max", "unit", "decimals" };

    public static QuantitySpec? BindDelay(FieldReader fields, BindContext context, StateSpec state)
    {
        if (fields["duration_days"] is { } days)
        {
            var value = context.Number(days, "duration_days");
            return value is null ? null : Checked(new QuantitySpec(DistributionKind.Exact, value.Value, value.Value, null, null, "days", 0, days.Span), context);
        }
        if (fields["exact"] is { } exact) return Checked(Exact(exact, context, toDays: true), context);
        if (fields["range"] is { } range) return Checked(Range(range, "range", context, toDays: true), context);
        if (fields["gaussian"] is { } gaussian) return Checked(Gaussian(gaussian, context, toDays: true), context);
        if (fields["exponential"] is { } exponential) return Checked(Exponential(exponential, context, toDays: true), context);
        context.Report(DiagnosticCatalog.MissingField, state.Span, $"Delay '{state.Name}'", "duration_days",
            "Give 'duration_days', 'exact: {quantity, unit}', 'range: {low, high, unit}', 'gaussian: {mean, standard_deviation, unit}' or 'exponential: {mean, unit}'.");
        return null;
    }

    /// <summary>An observation value: <c>value</c>, <c>value_range</c>/<c>range</c> or <c>gaussian</c>; null when none is given.</summary>
    public static QuantitySpec? BindValue(FieldReader fields, BindContext context, out string? text)
    {
        text = null;
        if (fields["value"] is { } value)
        {
            if (value.IsScalar && (value.IsQuoted || !double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                text = value.Value; // a coded or free-text result such as "Negative"
                return null;
            }
            var number = context.Number(value, "value");
            return number is null ? null : new QuantitySpec(DistributionKind.Exact, number.Value, number.Value, null, null, null, -1, value.Span);
        }
        var rangeKey = fields.FirstPresent("value_range", "range");
        if (rangeKey is not null) return Checked(Range(fields[rangeKey]!, rangeKey, context, toDays: false), context);
        if (fields["gaussian"] is { } gaussian) return Checked(Gaussian(gaussian, context, toDays: false), context);
        if (fields["exponential"] is { } exponential) return Checked(Exponential(exponential, context, toDays: false), context);
        return null;
    }

    private static QuantitySpec? Exact(YamlNode node, BindContext context, bool toDays)
    {
        var mapping = context.Mapping(node, "exact");
        if (mapping is null) return null;
        var fields = context.Fields(mapping, "exact", ExactFields);
        var quantity = Require(fields, "quantity", "exact", context);
        var scale = Scale(fields, context, toDays);
        if (quantity is null || scale is null) return null;
        var days = quantity.Value * scale.Value;
        return new QuantitySpec(DistributionKind.Exact, days, days, null, null, toDays ? "days" : fields.Text("unit"), 0, node.Span);
    }

    private static QuantitySpec? Range(YamlNode node, string key, BindContext context, bool toDays)
    {
        var mapping = context.Mapping(node, key);
        if (mapping is null) return null;
        var fields = context.Fields(mapping, key, RangeFields);
        var low = Require(fields, fields.FirstPresent("low", "min") ?? "low", key, context);
        var high = Require(fields, fields.FirstPresent("high", "max") ?? "high", key, context);
        var scale = Scale(fields, context, toDays);
        if (low is null || high is null || scale is null) return null;
        if (high < low)
        {
            context.Report(DiagnosticCatalog.InvalidValue, node.Span, $"{low}..{high}", key, "The high end must not be below the low end.");
            return null;
        }
        return new QuantitySpec(DistributionKind.Uniform, low.Value * scale.Value, high.Value * scale.Value, null, null,
            toDays ? "days" : fields.Text("unit"), fields.Integer("decimals") ?? 2, node.Span);
    }

    private static QuantitySpec? Gaussian(YamlNode node, BindContext context, bool toDays)
    {
        var mapping = context.Mapping(node, "gaussian");
        if (mapping is null) return null;
        var fields = context.Fields(mapping, "gaussian", GaussianFields);
        var mean = Require(fields, "mean", "gaussian", context);
        var sd = Require(fields, fields.FirstPresent("standard_deviation", "sd") ?? "standard_deviation", "gaussian", context);
        var scale = Scale(fields, context, toDays);
        if (mean is null || sd is null || scale is null) return null;
        if (sd < 0)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("standard_deviation"), sd.Value.ToString("R", CultureInfo.InvariantCulture), "standard_deviation", "A standard deviation is 0 or more.");
            return null;
        }
        var min = fields.Number("min") * scale.Value;
        var max = fields.Number("max") * scale.Value;
        return new QuantitySpec(DistributionKind.Gaussian, mean.Value * scale.Value, sd.Value * scale.Value, min, max,
            toDays ? "days" : fields.Text("unit"), fields.Integer("decimals") ?? 2, node.Span);
    }

    /// <summary><c>exponential: {mean, min, max, unit, decimals}</c>: the mean is above 0.</summary>
    private static QuantitySpec? Exponential(YamlNode node, BindContext context, bool toDays)
    {
        var mapping = context.Mapping(node, "exponential");
        if (mapping is null) return null;
        var fields = context.Fields(mapping, "exponential", ExponentialFields);
        var mean = Require(fields, "mean", "exponential", context);
        var scale = Scale(fields, context, toDays);
        if (mean is null || scale is null) return null;
        if (!(mean > 0))
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("mean"), mean.Value.ToString("R", CultureInfo.InvariantCulture), "mean", "An exponential mean is above 0.");
            return null;
        }
        var min = fields.Number("min") * scale.Value;
        var max = fields.Number("max") * scale.Value;
        return new QuantitySpec(DistributionKind.Exponential, mean.Value * scale.Value, 0, min, max,
            toDays ? "days" : fields.Text("unit"), fields.Integer("decimals") ?? 2, node.Span);
    }

    private static double? Require(FieldReader fields, string key, string owner, BindContext context)
    {
        if (!fields.Has(key))
        {
            context.Report(DiagnosticCatalog.MissingField, fields.Node.Span, $"'{owner}'", key, $"Add '{key}:'.");
            return null;
        }
        return fields.Number(key);
    }

    /// <summary>Days per unit for delays; 1 (units are only a label) for observation values.</summary>
    private static double? Scale(FieldReader fields, BindContext context, bool toDays)
    {
        if (!toDays) return 1;
        var unit = fields.Text("unit") ?? "days";
        var days = Units.ToDays(unit);
        if (days is null) context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("unit"), unit, "unit", "Use minutes, hours, days, weeks, months or years.");
        return days;
    }

    private static QuantitySpec? Checked(QuantitySpec? quantity, BindContext context)
    {
        if (quantity is not null && quantity.Distribution != DistributionKind.Gaussian && quantity.Low < 0 && quantity.Unit == "days")
        {
            context.Report(DiagnosticCatalog.InvalidValue, quantity.Span, quantity.Low.ToString("R", CultureInfo.InvariantCulture), "delay", "A delay cannot be negative.");
            return null;
        }
        return quantity;
    }
}
