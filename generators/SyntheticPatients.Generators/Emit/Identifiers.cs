using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Turns YAML names into C# identifiers. Names that already are identifiers are kept as written (recognisable
/// in generated code and stack traces); keywords get '@'. Other names are sanitised, and where the identifier must
/// be unique without seeing the other names (attribute slots) a short hash of the original name is appended.
/// </summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Members of the generated AttributeSlots class that an attribute constant must not take.</summary>
    private static readonly HashSet<string> ReservedSlotNames = new() { "AttributeSlots", "Count", "Names", "IndexOf", "NameOf" };

    /// <summary>The class for a module: PascalCase words of the name + "Module" (asthma_v2 → AsthmaV2Module).</summary>
    public static string ClassName(string moduleName)
    {
        var text = new StringBuilder();
        bool upperNext = true;
        foreach (char c in moduleName)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                text.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (text.Length == 0) text.Append("Unnamed");
        if (char.IsDigit(text[0])) text.Insert(0, 'M');
        return text.Append("Module").ToString();
    }

    /// <summary>The AttributeSlots constant for an attribute: a function of the name alone, distinct for distinct names.</summary>
    public static string AttributeSlot(string name)
    {
        if (IsIdentifier(name) && !ReservedSlotNames.Contains(name)) return Escape(name);
        return Sanitize(name) + "_" + Hash(name);
    }

    /// <summary>Keeps letters, digits and '_' (others become '_'); prefixes '_' before a leading digit. Not escaped.</summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (char c in name) text.Append(IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (text.Length == 0 || char.IsDigit(text[0])) text.Insert(0, '_');
        return text.ToString();
    }

    /// <summary>'@' before a keyword.</summary>
    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>The identifier without a leading '@' (to build other names from it).</summary>
    public static string Bare(string identifier) => identifier.StartsWith("@", System.StringComparison.Ordinal) ? identifier.Substring(1) : identifier;

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0])) return false;
        foreach (char c in name)
        {
            if (!IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs and platforms (unlike string.GetHashCode).</summary>
    public static string Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }
        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
