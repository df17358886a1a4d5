using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

/// <summary>
/// What other modules need to know about one module: its name, the attributes it sets and reads, and the
/// submodules it calls. Small on purpose: cross-module checks and the registry depend only on this, so an edit
/// inside one module that leaves its summary unchanged does not re-run them.
/// </summary>
public sealed record ModuleSummary(
    string Name,
    string FilePath,
    SourceSpan NameSpan,
    EquatableArray<string> AttributesSet,
    EquatableArray<AttributeTarget> AttributesRead,
    EquatableArray<AttributeTarget> SubmoduleCalls);
