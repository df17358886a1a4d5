using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Scenarios;

/// <summary>
/// Turns a scenario file's YAML tree into a <see cref="ScenarioSpec"/>, reporting located diagnostics: unknown keys
/// (SPM0029, an error), wrong value types (SPM0009), unknown or misplaced labels and malformed bins (SPM0017), negative weights
/// and distributions that do not sum to 1 within 0.01 (SPM0007; nothing is rescaled), duplicate labels (SPM0019),
/// parameter overrides of undefined parameters (SPM0008) and malformed terminology codes (SPM0015, SPM0020).
/// Module names are checked afterwards against the module set (<see cref="ScenarioFrontEnd.CheckModules"/>).
/// </summary>
public static class ScenarioBinder
{
    public static ScenarioBindResult Bind(YamlDocumentSyntax document, ParameterSet parameters)
    {
        var context = new BindContext(document.FilePath, parameters);
        context.Diagnostics.AddRange(document.Diagnostics);
        if (document.Root is null && document.Diagnostics.IsEmpty)
        {
            context.Report(DiagnosticCatalog.MissingField, new SourceSpan(1, 1, 1, 1), "A scenario file", "name",
                "The file is empty: a scenario needs at least 'name:'; distributions it leaves out take the US defaults.");
        }
        var spec = document.Root is null ? null : BindScenario(document.Root, context);
        return new ScenarioBindResult(spec, context.Diagnostics.ToEquatableArray());
    }

    private static ScenarioSpec? BindScenario(YamlNode root, BindContext context)
    {
        if (!root.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, root.Span, "scenario", "a mapping with 'name' and distributions such as 'age_dist'", root.Describe());
            return null;
        }
        // An unknown key is an error here (SPM0029), not SPM0005's warning: a misspelt 'modules' or distribution would
        // run the scenario without it and exit 0.
        var fields = context.Fields(root, "the scenario", ScenarioVocabulary.Keys, DiagnosticCatalog.UnknownScenarioKey);
        var stem = FileKinds.Stem(context.FilePath);
        var name = fields.Text("name");
        var nameSpan = fields.Has("name") ? fields.SpanOf("name") : new SourceSpan(root.Span.Line, root.Span.Column, root.Span.Line, root.Span.Column);
        if (name is null || name.Trim().Length == 0)
        {
            context.Report(DiagnosticCatalog.MissingField, nameSpan, "The scenario", "name", $"Add 'name: {stem}' at the top.");
            name = stem;
        }

        return new ScenarioSpec(
            name,
            context.FilePath,
            nameSpan,
            fields.Text("description") ?? string.Empty,
            ModuleBinder.BindStringList(fields["sources"], "sources", context),
            BindBands(fields, ScenarioVocabulary.Ages, context),
            BindLabels(fields, ScenarioVocabulary.Gender, context),
            BindLabels(fields, ScenarioVocabulary.Race, context),
            BindLabels(fields, ScenarioVocabulary.Ethnicity, context),
            BindLabels(fields, ScenarioVocabulary.Smoking, context),
            BindLabels(fields, ScenarioVocabulary.Alcohol, context),
            BindLabels(fields, ScenarioVocabulary.Education, context),
            BindLabels(fields, ScenarioVocabulary.Employment, context),
            BindLabels(fields, ScenarioVocabulary.Housing, context),
            BindBands(fields, ScenarioVocabulary.Income, context),
            BindLabels(fields, ScenarioVocabulary.Insurance, context),
            BindModules(fields["modules"], context),
            BindParameters(fields["parameters"], context),
            BindTerminology(fields["terminology"], context));
    }

    // ---- distributions -------------------------------------------------------------------------------------------

    /// <summary>One "label: weight" entry as written, from a mapping or from the "label:weight,label:weight" string form.</summary>
    private sealed class RawWeight
    {
        public RawWeight(string key, SourceSpan keySpan, double? weight, bool isRemainder, SourceSpan weightSpan)
        {
            Key = key;
            KeySpan = keySpan;
            Weight = weight;
            IsRemainder = isRemainder;
            WeightSpan = weightSpan;
        }

        public string Key { get; }
        public SourceSpan KeySpan { get; }
        public double? Weight { get; set; }
        public bool IsRemainder { get; }
        public SourceSpan WeightSpan { get; }
    }

    /// <summary>The entries of a distribution (null when the key is absent or empty, so the default applies).</summary>
    private static List<RawWeight>? ReadWeights(FieldReader fields, string key, BindContext context)
    {
        var node = fields[key];
        if (node is null || node.IsNull) return null;
        var result = new List<RawWeight>();
        if (node.IsMapping)
        {
            foreach (var entry in node.Entries)
            {
                if (!entry.Key.IsScalar)
                {
                    context.Report(DiagnosticCatalog.WrongValueType, entry.Key.Span, key, "labels written as plain text", entry.Key.Describe());
                    continue;
                }
                var label = entry.Key.Value ?? string.Empty;
                var value = entry.Value;
                if (value.IsScalar && value.Value == "remainder")
                {
                    result.Add(new RawWeight(label, entry.Key.Span, null, true, value.Span));
                }
                else
                {
                    result.Add(new RawWeight(label, entry.Key.Span, context.Number(value, key + "." + label), false, value.Span));
                }
            }
            return result;
        }
        if (node.IsScalar)
        {
            // The seed system's string form: "M:0.49,F:0.51".
            var text = node.Value ?? string.Empty;
            int start = 0;
            while (start <= text.Length)
            {
                int comma = text.IndexOf(',', start);
                int end = comma < 0 ? text.Length : comma;
                var piece = Trimmed(text, start, end);
                if (piece.Length > 0)
                {
                    int colon = text.IndexOf(':', piece.Start);
                    if (colon < 0 || colon >= piece.End)
                    {
                        context.Report(DiagnosticCatalog.WrongValueType, SubSpan(node, piece.Start, piece.Length), key,
                            "'label:weight' pairs separated by commas", $"'{text.Substring(piece.Start, piece.Length)}'");
                    }
                    else
                    {
                        var label = Trimmed(text, piece.Start, colon);
                        var weight = Trimmed(text, colon + 1, piece.End);
                        var labelText = text.Substring(label.Start, label.Length);
                        var weightText = text.Substring(weight.Start, weight.Length);
                        var weightSpan = SubSpan(node, weight.Start, weight.Length);
                        if (weightText == "remainder")
                        {
                            result.Add(new RawWeight(labelText, SubSpan(node, label.Start, label.Length), null, true, weightSpan));
                        }
                        else
                        {
                            double? value = null;
                            if (double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsNaN(parsed) && !double.IsInfinity(parsed))
                            {
                                value = parsed;
                            }
                            else
                            {
                                context.Report(DiagnosticCatalog.WrongValueType, weightSpan, key + "." + labelText, "a number",
                                    weightText.Length == 0 ? "nothing" : $"'{weightText}'");
                            }
                            result.Add(new RawWeight(labelText, SubSpan(node, label.Start, label.Length), value, false, weightSpan));
                        }
                    }
                }
                if (comma < 0) break;
                start = comma + 1;
            }
            return result;
        }
        context.Report(DiagnosticCatalog.WrongValueType, node.Span, key,
            "a mapping of label: weight (or a \"label:weight,label:weight\" string)", node.Describe());
        return null;
    }

    private static LabelDistribution BindLabels(FieldReader fields, LabelField field, BindContext context)
    {
        var raw = ReadWeights(fields, field.Key, context);
        if (raw is null) return new LabelDistribution(field.Key, field.Defaults.ToEquatableArray(), IsDefault: true);

        var weights = new List<LabelWeight>();
        var included = new List<RawWeight>();
        var firstLine = new Dictionary<string, RawWeight>(StringComparer.Ordinal);
        bool complete = true;
        foreach (var entry in raw)
        {
            var canonical = field.Resolve(entry.Key, out var rejection);
            if (canonical is null)
            {
                complete = false;
                string advice;
                if (rejection is not null)
                {
                    advice = rejection;
                }
                else
                {
                    var closest = field.Closest(entry.Key);
                    advice = $"Use one of: {string.Join(", ", field.Labels)}" + (closest is null ? "." : $" (did you mean '{closest}'?).");
                }
                context.Report(DiagnosticCatalog.InvalidValue, entry.KeySpan, entry.Key, field.Key, advice);
                continue;
            }
            if (firstLine.TryGetValue(canonical, out var first))
            {
                complete = false;
                context.Report(DiagnosticCatalog.DuplicateKey, entry.KeySpan,
                    entry.Key == first.Key ? entry.Key : $"{entry.Key}' = '{canonical}", Invariant(first.KeySpan.Line));
                continue;
            }
            firstLine.Add(canonical, entry);
            included.Add(entry);
            weights.Add(new LabelWeight(canonical, entry.Weight ?? 0));
        }
        var resolved = CheckWeights(fields, field.Key, raw, complete, context);
        for (int i = 0; i < included.Count; i++)
        {
            weights[i] = new LabelWeight(weights[i].Label, included[i].Weight ?? resolved.Remainder);
        }
        return new LabelDistribution(field.Key, weights.ToEquatableArray(), IsDefault: false);
    }

    private static BandDistribution BindBands(FieldReader fields, BandField field, BindContext context)
    {
        var raw = ReadWeights(fields, field.Key, context);
        if (raw is null) return new BandDistribution(field.Key, field.Defaults.ToEquatableArray(), IsDefault: true);

        var accepted = new List<(int Min, int Max, RawWeight Entry)>();
        bool complete = true;
        foreach (var entry in raw)
        {
            if (!TryParseBand(entry.Key, field, out int min, out int max, out var problem))
            {
                complete = false;
                context.Report(DiagnosticCatalog.InvalidValue, entry.KeySpan, entry.Key, field.Key, problem);
                continue;
            }
            bool overlaps = false;
            foreach (var other in accepted)
            {
                if (min <= other.Max && other.Min <= max)
                {
                    overlaps = true;
                    complete = false;
                    var hint = field.Key == ScenarioVocabulary.AgeKey ? " (write 0-17 and 18-64, not 0-18 and 18-64)" : " (write 0-24999 and 25000-49999)";
                    context.Report(DiagnosticCatalog.InvalidValue, entry.KeySpan, entry.Key, field.Key,
                        $"It overlaps '{other.Entry.Key}' (line {Invariant(other.Entry.KeySpan.Line)}): bins include both ends, so they must not share a value{hint}.");
                    break;
                }
            }
            if (!overlaps) accepted.Add((min, max, entry));
        }
        var resolved = CheckWeights(fields, field.Key, raw, complete, context);
        var bands = new List<BandWeight>();
        foreach (var (min, max, entry) in accepted) bands.Add(new BandWeight(min, max, entry.Weight ?? resolved.Remainder));
        return new BandDistribution(field.Key, bands.ToEquatableArray(), IsDefault: false);
    }

    private static bool TryParseBand(string text, BandField field, out int min, out int max, out string problem)
    {
        min = max = 0;
        var example = field.Key == ScenarioVocabulary.AgeKey ? "0-17 or 65-110" : "0-24999 or 25000-49999";
        var shape = $"A bin is written 'min-max' in whole {field.Unit}, as in {example}.";
        int dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1
            || !int.TryParse(text.Substring(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out min)
            || !int.TryParse(text.Substring(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            problem = shape;
            return false;
        }
        if (min > max)
        {
            problem = $"Its lower bound {Invariant(min)} is above its upper bound {Invariant(max)}: write '{Invariant(max)}-{Invariant(min)}'.";
            return false;
        }
        if (min < field.Min || max > field.Max)
        {
            problem = $"Bins must lie within {Invariant(field.Min)}-{Invariant(field.Max)} {field.Unit}.";
            return false;
        }
        problem = string.Empty;
        return true;
    }

    private readonly struct Resolved
    {
        public Resolved(double remainder) => Remainder = remainder;

        /// <summary>The weight of the 'remainder' entry (1 minus the others), 0 when there is none.</summary>
        public double Remainder { get; }
    }

    /// <summary>
    /// SPM0007: no negative weight, at most one 'remainder', and (when every entry was understood) a sum within 0.01 of 1.
    /// The sum is reported at the distribution's key; a negative weight at the weight.
    /// </summary>
    private static Resolved CheckWeights(FieldReader fields, string key, List<RawWeight> raw, bool complete, BindContext context)
    {
        var keySpan = fields.Node.Find(key)?.Key.Span ?? fields.Node.Span;
        double sum = 0;
        RawWeight? remainder = null;
        foreach (var entry in raw)
        {
            if (entry.IsRemainder)
            {
                if (remainder is not null)
                {
                    complete = false;
                    context.Report(DiagnosticCatalog.InvalidProbabilities, entry.WeightSpan,
                        $"'{key}' has more than one 'remainder' weight (the first is '{remainder.Key}' on line {Invariant(remainder.WeightSpan.Line)})");
                }
                else
                {
                    remainder = entry;
                }
                continue;
            }
            if (entry.Weight is null)
            {
                complete = false;
                continue;
            }
            if (entry.Weight.Value < 0)
            {
                complete = false;
                context.Report(DiagnosticCatalog.InvalidProbabilities, entry.WeightSpan,
                    $"The weight of '{entry.Key}' in '{key}' is negative ({Format(entry.Weight.Value)})");
                continue;
            }
            sum += entry.Weight.Value;
        }
        if (!complete) return new Resolved(0);
        if (remainder is not null)
        {
            if (sum > 1 + ScenarioVocabulary.SumTolerance)
            {
                context.Report(DiagnosticCatalog.InvalidProbabilities, keySpan,
                    $"The weights of '{key}' other than the remainder sum to {Format(sum)}, leaving nothing for the 'remainder' weight of '{remainder.Key}'");
                return new Resolved(0);
            }
            return new Resolved(Math.Max(0, 1 - sum));
        }
        if (raw.Count == 0)
        {
            context.Report(DiagnosticCatalog.InvalidProbabilities, keySpan,
                $"'{key}' lists no weights; leave the key out to use the US default");
        }
        else if (Math.Abs(sum - 1) > ScenarioVocabulary.SumTolerance)
        {
            context.Report(DiagnosticCatalog.InvalidProbabilities, keySpan,
                $"The weights of '{key}' sum to {Format(sum)}, not 1: a distribution must sum to 1 within {Format(ScenarioVocabulary.SumTolerance)} and is never rescaled");
        }
        return new Resolved(0);
    }

    // ---- modules, parameters, terminology ------------------------------------------------------------------------

    private static EquatableArray<ModuleReference> BindModules(YamlNode? node, BindContext context)
    {
        var result = new List<ModuleReference>();
        var first = new Dictionary<string, ModuleReference>(StringComparer.Ordinal);
        foreach (var item in context.List(node, "modules", allowSingle: true))
        {
            if (!item.IsScalar || item.IsNull)
            {
                context.Report(DiagnosticCatalog.WrongValueType, item.Span, "modules", "module names", item.Describe());
                continue;
            }
            var name = item.Value ?? string.Empty;
            if (first.TryGetValue(name, out var earlier))
            {
                context.Report(DiagnosticCatalog.InvalidValue, item.Span, name, "modules",
                    $"It is already listed on line {Invariant(earlier.Span.Line)}; list each module once.");
                continue;
            }
            var reference = new ModuleReference(name, item.Span);
            first.Add(name, reference);
            result.Add(reference);
        }
        return result.ToEquatableArray();
    }

    private static EquatableArray<ParameterOverride> BindParameters(YamlNode? node, BindContext context)
    {
        var mapping = context.Mapping(node, "parameters");
        if (mapping is null) return EquatableArray<ParameterOverride>.Empty;
        var result = new List<ParameterOverride>();
        foreach (var entry in DistinctEntries(mapping, context))
        {
            var path = entry.Name;
            var value = context.Number(entry.Value, "parameters." + path);
            var parameter = context.Parameters.Find(path);
            if (parameter is null)
            {
                int dot = path.IndexOf('.');
                string domain = dot > 0 ? path.Substring(0, dot) : path;
                string where = context.Parameters.HasDomain(domain) ? $" in parameters file '{domain}'" : $" (no parameters file '{domain}.yaml' was found)";
                var closest = context.Parameters.Closest(path);
                context.Report(DiagnosticCatalog.UnknownParameter, entry.Key.Span, path,
                    where + (closest is null ? string.Empty : $"; did you mean '{closest}'?"));
                continue;
            }
            if (parameter.Number is null)
            {
                context.Report(DiagnosticCatalog.WrongValueType, entry.Key.Span, path, "a numeric parameter (scenarios override numbers only)",
                    $"text parameter '{parameter.Text}'");
                continue;
            }
            if (value is not null) result.Add(new ParameterOverride(path, value.Value, entry.Key.Span));
        }
        return result.ToEquatableArray();
    }

    private static EquatableArray<TerminologyFocus> BindTerminology(YamlNode? node, BindContext context)
    {
        var mapping = context.Mapping(node, "terminology");
        if (mapping is null) return EquatableArray<TerminologyFocus>.Empty;
        var result = new List<TerminologyFocus>();
        var firstBySystem = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        foreach (var entry in DistinctEntries(mapping, context))
        {
            var system = TerminologySystem(entry.Name);
            if (system is null)
            {
                context.Report(DiagnosticCatalog.InvalidValue, entry.Key.Span, entry.Name, "terminology",
                    $"Use one of: {string.Join(", ", ScenarioVocabulary.TerminologySystems)}" + Spelling.Hint(entry.Name, ScenarioVocabulary.TerminologySystems) + ".");
                continue;
            }
            if (firstBySystem.TryGetValue(system, out var first))
            {
                context.Report(DiagnosticCatalog.DuplicateKey, entry.Key.Span, $"{entry.Name}' = '{system}", Invariant(first.Key.Span.Line));
                continue;
            }
            firstBySystem.Add(system, entry);

            var codes = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in context.List(entry.Value, "terminology." + entry.Name, allowSingle: true))
            {
                if (!item.IsScalar || item.IsNull)
                {
                    context.Report(DiagnosticCatalog.WrongValueType, item.Span, "terminology." + entry.Name, "codes", item.Describe());
                    continue;
                }
                var code = item.Value ?? string.Empty;
                if (seen.TryGetValue(code, out var line))
                {
                    context.Report(DiagnosticCatalog.InvalidValue, item.Span, code, "terminology." + entry.Name,
                        $"It is already listed on line {Invariant(line)}; list each code once.");
                    continue;
                }
                seen.Add(code, item.Span.Line);
                if (!IsValidCode(system, code, out var reason))
                {
                    var descriptor = CodeValidation.IsCheckDigitOnlyFailure(system, code) ? DiagnosticCatalog.CheckDigitMismatch : DiagnosticCatalog.MalformedCode;
                    context.Report(descriptor, item.Span, system, code, reason);
                    if (descriptor == DiagnosticCatalog.MalformedCode) continue;
                }
                codes.Add(code);
            }
            result.Add(new TerminologyFocus(system, codes.ToEquatableArray()));
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// The canonical system for a terminology key: the code systems modules use (icd10, snomed, loinc, rxnorm, cvx,
    /// ndc, cpt, in any spelling <see cref="CodeValidation.NormalizeSystem"/> accepts), VSAC value sets and UMLS
    /// concepts; the seed system's keys (icd10_codes, snomed_ids, loinc_codes, rxnorm_cuis, value_set_oids, umls_cuis) too.
    /// </summary>
    public static string? TerminologySystem(string key)
    {
        var normalized = ScenarioVocabulary.NormalizeLabel(key);
        foreach (var suffix in new[] { "_codes", "_ids", "_cuis", "_oids" })
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal) && normalized.Length > suffix.Length)
            {
                normalized = normalized.Substring(0, normalized.Length - suffix.Length);
                break;
            }
        }
        switch (normalized)
        {
            case "vsac":
            case "value_set":
            case "value_sets":
                return ScenarioVocabulary.Vsac;
            case "umls":
                return ScenarioVocabulary.Umls;
        }
        return CodeValidation.NormalizeSystem(normalized);
    }

    private static bool IsValidCode(string system, string code, out string reason)
    {
        if (system == ScenarioVocabulary.Vsac) return IsValidOid(code, out reason);
        if (system == ScenarioVocabulary.Umls) return IsValidCui(code, out reason);
        return CodeValidation.IsValid(system, code, out reason);
    }

    /// <summary>A VSAC value set OID: at least two numbers separated by dots, no leading zeros.</summary>
    private static bool IsValidOid(string code, out string reason)
    {
        var parts = code.Split('.');
        bool ok = parts.Length >= 2;
        foreach (var part in parts)
        {
            ok &= part.Length > 0 && (part == "0" || part[0] != '0');
            foreach (var c in part) ok &= c >= '0' && c <= '9';
        }
        reason = ok ? string.Empty : "a value set OID is numbers separated by dots, as in 2.16.840.1.113883.3.464.1003.103.12.1001";
        return ok;
    }

    /// <summary>A UMLS concept unique identifier: C and 7 digits.</summary>
    private static bool IsValidCui(string code, out string reason)
    {
        bool ok = code.Length == 8 && code[0] == 'C';
        for (int i = 1; ok && i < code.Length; i++) ok = code[i] >= '0' && code[i] <= '9';
        reason = ok ? string.Empty : "a UMLS CUI is C and 7 digits, as in C0011860";
        return ok;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /// <summary>The entries of a mapping with scalar keys, each key once (a repeated key is SPM0019 and skipped).</summary>
    private static List<YamlEntry> DistinctEntries(YamlNode mapping, BindContext context)
    {
        var result = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (!entry.Key.IsScalar)
            {
                context.Report(DiagnosticCatalog.WrongValueType, entry.Key.Span, "key", "plain text", entry.Key.Describe());
                continue;
            }
            if (seen.TryGetValue(entry.Name, out var first))
            {
                context.Report(DiagnosticCatalog.DuplicateKey, entry.Key.Span, entry.Name, Invariant(first.Key.Span.Line));
                continue;
            }
            seen.Add(entry.Name, entry);
            result.Add(entry);
        }
        return result;
    }

    private readonly struct Piece
    {
        public Piece(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }
        public int End { get; }
        public int Length => End - Start;
    }

    private static Piece Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new Piece(start, end);
    }

    /// <summary>
    /// The span of part of a one-line scalar (a label or weight in the "k:v,k:v" form); the whole scalar's span when
    /// the text does not map column for column (escapes, folded lines).
    /// </summary>
    private static SourceSpan SubSpan(YamlNode scalar, int offset, int length)
    {
        var span = scalar.Span;
        var value = scalar.Value ?? string.Empty;
        int quote = scalar.IsQuoted ? 1 : 0;
        if (span.Line != span.EndLine || span.EndColumn - span.Column != value.Length + 2 * quote) return span;
        int column = span.Column + quote + offset;
        return new SourceSpan(span.Line, column, span.Line, column + Math.Max(1, length));
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
