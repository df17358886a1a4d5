using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SyntheticPatients.Generators.Emit;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Tests.Emitter;

/// <summary>
/// Emits modules plus their registry, compiles them with Roslyn against the runtime (warnings as errors, as the build
/// does) and loads the result into a collectible context, so tests can run what the emitter wrote.
/// </summary>
internal static class InMemoryCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static CompiledModules Compile(params ModuleSpec[] modules)
    {
        var (bytes, diagnostics) = TryCompile(modules);
        if (bytes is null) throw new InvalidOperationException("Emitted code does not compile:\n" + string.Join("\n", diagnostics));
        var context = new AssemblyLoadContext("emitted-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledModules(context.LoadFromStream(new MemoryStream(bytes)));
    }

    public static (byte[]? Assembly, IReadOnlyList<string> Diagnostics) TryCompile(params ModuleSpec[] modules)
    {
        var sources = new List<string>();
        foreach (var module in modules) sources.Add(ModuleEmitter.Emit(module));
        var summaries = new List<ModuleSummary>();
        foreach (var module in modules) summaries.Add(SummaryBuilder.Build(module));
        sources.Add(RegistryEmitter.Emit(summaries));

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create("Emitted" + Guid.NewGuid().ToString("N"),
            sources.Select(text => CSharpSyntaxTree.ParseText(text, parseOptions)), References.Value, options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var messages = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        return (result.Success ? stream.ToArray() : null, messages);
    }

    private static MetadataReference[] LoadReferences()
    {
        // The framework plus the runtime core, as a module library compiles: generated code calls nothing else (not the
        // module library either, whose generated types would clash).
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"
                || name is "SyntheticPatients.Runtime.Core.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }
}

/// <summary>An assembly of emitted modules, looked up like the generated ModuleRegistry.</summary>
internal sealed class CompiledModules
{
    private readonly Assembly _assembly;

    public CompiledModules(Assembly assembly) => _assembly = assembly;

    public CompiledModule Module(string name)
    {
        var find = _assembly.GetType("SyntheticPatients.Generated.ModuleRegistry", throwOnError: true)!.GetMethod("Find")!;
        return (CompiledModule?)find.Invoke(null, new object[] { name }) ?? throw new KeyNotFoundException(name);
    }

    public int Slot(string attribute)
    {
        var indexOf = _assembly.GetType("SyntheticPatients.Generated.AttributeSlots", throwOnError: true)!.GetMethod("IndexOf")!;
        return (int)indexOf.Invoke(null, new object[] { attribute })!;
    }

    /// <summary>The attribute name of a slot (the emitted AttributeSlots.Names).</summary>
    public string SlotName(int slot)
    {
        var names = (IReadOnlyList<string>)_assembly.GetType("SyntheticPatients.Generated.AttributeSlots", throwOnError: true)!.GetProperty("Names")!.GetValue(null)!;
        return names[slot];
    }

    public int SlotCount => (int)_assembly.GetType("SyntheticPatients.Generated.AttributeSlots")!.GetField("Count")!.GetValue(null)!;

    public PatientContext NewPatient(ulong seed = 1, long index = 0)
    {
        var patient = new PatientContext(SlotCount);
        patient.Reset(seed, index, new DateTime(1980, 1, 1).Ticks, Gender.Female, new DateTime(2030, 1, 1).Ticks);
        return patient;
    }
}
