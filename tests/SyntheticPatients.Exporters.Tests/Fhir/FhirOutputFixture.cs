using System.Text.Json;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests.Fhir;

/// <summary>
/// 200 patients from the real baseline pipeline plus 100 hand-built ones (<see cref="FhirTestPopulation"/>: the edge
/// cases the pipeline may not produce), exported once as bundles and once as bulk NDJSON, shared by a test class.
/// </summary>
public sealed class FhirOutputFixture : IDisposable
{
    public const int PipelineCount = 200;
    public const int HandBuiltCount = 100;
    public const int PatientCount = PipelineCount + HandBuiltCount;

    public FhirOutputFixture()
    {
        Patients = PipelineCohort.Build(PipelineCount, seed: 20261124).Concat(FhirTestPopulation.Create(HandBuiltCount)).ToArray();
        Bundles = new TempDirectory();
        Bulk = new TempDirectory();
        BundleExporter = Export.Run(new FhirExporter(Bundles.Path, bulk: false), Patients);
        BulkExporter = Export.Run(new FhirExporter(Bulk.Path, bulk: true), Patients);
    }

    public PatientRecord[] Patients { get; }

    public TempDirectory Bundles { get; }

    public TempDirectory Bulk { get; }

    public FhirExporter BundleExporter { get; }

    public FhirExporter BulkExporter { get; }

    /// <summary>The bundle files, in patient order.</summary>
    public IEnumerable<(PatientRecord Patient, string Path)> BundleFiles =>
        Patients.Select(p => (p, Bundles.File($"fhir/{p.Demographics.Id:D}.json")));

    /// <summary>Every NDJSON line of the bulk output, parsed as JSON.</summary>
    public IEnumerable<(string File, int Line, JsonElement Resource)> BulkResources()
    {
        foreach (var type in FhirResourceTypes.All)
        {
            var name = $"fhir/{FhirResourceTypes.Name(type)}.ndjson";
            int n = 0;
            foreach (var line in File.ReadLines(Bulk.File(name)))
            {
                n++;
                using var document = JsonDocument.Parse(line);
                yield return (name, n, document.RootElement.Clone());
            }
        }
    }

    public void Dispose()
    {
        Bundles.Dispose();
        Bulk.Dispose();
    }
}
