using System.Globalization;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Runtime.Validation.Realism;

/// <summary>One row of validation/realism/*.yaml: a named population measure, the band it must fall in, and the source of the band.</summary>
public sealed record RealismRow(string File, int Line, string Measure, double Low, double High, string Source)
{
    public bool Holds(double value) => value >= Low && value <= High;

    /// <summary>The failure line: <c>measure = value, expected [a, b] (source)</c>.</summary>
    public string Describe(double value)
        => string.Create(CultureInfo.InvariantCulture, $"{Measure} = {value:G4}, expected [{Low:G4}, {High:G4}] ({Source})");
}

/// <summary>Reads realism files (<c>rows:</c> of <c>measure</c>, <c>band: [low, high]</c>, <c>source</c>); a malformed row names file, line and column.</summary>
public static class RealismFileReader
{
    public static IReadOnlyList<RealismRow> Read(string path, string text)
    {
        var document = YamlTreeReader.Read(path, text);
        if (!document.Diagnostics.IsEmpty) throw new FormatException(document.Diagnostics[0].ToString());
        var root = document.Root ?? throw new FormatException($"{path}: empty realism file");
        var rows = root.Get("rows");
        if (rows is null || !rows.IsSequence) throw Error(path, root.Span, "missing 'rows' list");
        var result = new List<RealismRow>();
        foreach (var node in rows.Items)
        {
            var measure = Scalar(node, "measure") ?? throw Error(path, node.Span, "a row needs 'measure'");
            var source = Scalar(node, "source") ?? throw Error(path, node.Span, "a row needs 'source' (the publication the band comes from)");
            var band = node.Get("band");
            if (band is null || !band.IsSequence || band.Items.Count != 2) throw Error(path, node.Span, "a row needs 'band: [low, high]'");
            double low = Number(band.Items[0], path), high = Number(band.Items[1], path);
            if (low > high) throw Error(path, band.Span, "band low is above high");
            result.Add(new RealismRow(path, node.Span.Line, measure, low, high, source));
        }
        return result;
    }

    private static string? Scalar(YamlNode node, string key) => node.Get(key) is { IsScalar: true, IsNull: false } value ? value.Value : null;

    private static double Number(YamlNode node, string path)
        => node.IsScalar && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, node.Span, $"'{node.Value}' is not a number");

    private static FormatException Error(string path, SourceSpan span, string message) => new($"{path}({span.Line},{span.Column}): {message}");
}
