using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules.Interpretation;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>The repository's module library (modules/, data/parameters/, data/terminology/) loaded at run time, once per test run.</summary>
internal static class LibraryModules
{
    private static readonly Lazy<RuntimeModuleSet> Loaded = new(() =>
        RuntimeModuleLoader.Load(RepositoryRoot, ModuleRegistry.All, AttributeSlots.Names));

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found");
        }
    }

    public static RuntimeModuleSet Interpreted => Loaded.Value;
}
