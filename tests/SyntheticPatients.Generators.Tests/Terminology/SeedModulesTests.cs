using System.Collections.Generic;
using System.IO;
using System.Linq;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Terminology;

/// <summary>
/// The seed project's 61 modules (tests/fixtures/seed-project, unchanged) compiled by the generator's front-end with
/// their parameter files and the library's terminology catalogs, as a project that brings them would compile them.
/// </summary>
public sealed class SeedModulesTests
{
    /// <summary>
    /// The seed's codes whose check digit proves they cannot exist: SPM0020, an error under every setting. They are the
    /// seed's own typos (e.g. LOINC 14779-1: the mod-10 check digit of 14779 is 3), so these modules cannot build unchanged.
    /// </summary>
    internal static readonly (string File, string Code)[] BadCheckDigits =
    {
        ("ckd_dialysis_planning.yaml", "77145-4"),
        ("copd_home_oxygen.yaml", "25710003"),
        ("geriatric_polypharmacy.yaml", "700379004"),
        ("pregnancy_loss_support.yaml", "289874003"),
        ("pregnancy_loss_support.yaml", "442419002"),
        ("pregnancy_loss_support.yaml", "75120-3"),
        ("prenatal_care_management.yaml", "14779-1"),
        ("prenatal_care_management.yaml", "56052-8"),
    };

    private static FrontEndResult Compile(TerminologyMode mode)
    {
        var root = Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "seed-project");
        var files = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (Path: Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'), Text: File.ReadAllText(path)))
            .Concat(RepositoryFiles.ModuleLibrary().Where(f => f.Path.StartsWith("data/terminology/", System.StringComparison.Ordinal)))
            .OrderBy(f => f.Path, System.StringComparer.Ordinal);
        var input = ModuleFrontEnd.Classify(files);
        input.Terminology = mode;
        return ModuleFrontEnd.Compile(input);
    }

    private static string FileName(DiagnosticInfo d) => Path.GetFileName(d.FilePath);

    [Fact]
    public void Under_compat_the_only_errors_of_the_61_seed_modules_are_their_eight_bad_check_digits()
    {
        var result = Compile(TerminologyMode.Compat);

        Assert.Equal(61, result.Modules.Count);
        var errors = result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).ToList();
        Assert.All(errors, e => Assert.Equal("SPM0020", e.Id));
        Assert.Equal(BadCheckDigits.OrderBy(b => b), errors.Select(e => (FileName(e), e.Arguments[1])).OrderBy(b => b));
        // Every other module compiles to a program both engines run.
        Assert.Equal(61 - BadCheckDigits.Select(b => b.File).Distinct().Count(), result.Programs.Count);
    }

    [Fact]
    public void Strict_and_compat_report_the_same_unknown_seed_codes_as_errors_and_as_warnings()
    {
        static List<(string, int, int, string)> Unknown(FrontEndResult result, DiagnosticLevel level)
        {
            var unknown = result.Diagnostics.Where(d => d.Id == "SPM0023").ToList();
            Assert.All(unknown, d => Assert.Equal(level, d.Level));
            return unknown.Select(d => (FileName(d), d.Span.Line, d.Span.Column, d.Arguments[1])).OrderBy(x => x).ToList();
        }

        var strict = Unknown(Compile(TerminologyMode.Strict), DiagnosticLevel.Error);
        var compat = Unknown(Compile(TerminologyMode.Compat), DiagnosticLevel.Warning);

        Assert.NotEmpty(strict);
        Assert.Equal(strict, compat);
        // The default (no setting anywhere) is strict.
        Assert.Equal(strict, Unknown(Compile(TerminologyMode.Default), DiagnosticLevel.Error));
    }
}
