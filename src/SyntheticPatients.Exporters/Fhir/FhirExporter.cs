using System.Buffers;
using System.Text.Json;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Writes FHIR R4 JSON under <c>&lt;directory&gt;/fhir/</c>: one transaction Bundle per patient
/// (<c>fhir/&lt;patient id&gt;.json</c>), or with <c>bulk</c> FHIR Bulk Data NDJSON, one file per resource type
/// (<c>fhir/&lt;Type&gt;.ndjson</c>), as Synthea's bulk option does (instead of the bundles).
/// </summary>
/// <remarks>
/// Resources: Patient, Organization, Practitioner, Encounter, Condition, AllergyIntolerance, Observation, Procedure,
/// MedicationRequest, Immunization, CarePlan and FamilyMemberHistory, each declaring its US Core 5.0.1 profile in
/// <c>meta.profile</c> (FamilyMemberHistory and the cause-of-death Observation have none). Every reference resolves
/// inside its Bundle (<c>urn:uuid:</c> full URLs) or inside the bulk set (<c>Type/id</c>). The JSON is written
/// directly with <see cref="Utf8JsonWriter"/> (see <see cref="FhirBundleWriter"/>); the tests parse it back with
/// Firely's strict parser and validate it with @medplum/core. Deterministic: ids come from the records (or are
/// derived from the patient's id), times from the records' dates; no clock, no random source.
/// </remarks>
public sealed class FhirExporter : IRecordExporter
{
    /// <summary>The sub-directory the files go in.</summary>
    public const string SubDirectory = "fhir";

    /// <summary>Prefix of the <see cref="RowCounts"/> keys ("fhir/Patient", "fhir/Observation", "fhir/Bundle"...).</summary>
    public const string CountPrefix = "fhir/";

    private readonly OutputTarget _target;
    private readonly List<string> _files = new();
    private readonly FhirBundleWriter? _bundles;
    private readonly ArrayBufferWriter<byte>? _buffer;
    private readonly Utf8JsonWriter? _json;
    private readonly NdjsonSink? _ndjson;
    private readonly PatientResources? _resources;
    private long _bundleCount;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <c>&lt;directory&gt;/fhir/</c>; with <paramref name="bulk"/>, opens (overwriting) one NDJSON file per resource type.</summary>
    public FhirExporter(string directory, bool bulk)
        : this(OutputTarget.Folder(directory), bulk)
    {
    }

    /// <summary>Writes into <paramref name="target"/> (a folder, or nowhere for a dry run).</summary>
    public FhirExporter(OutputTarget target, bool bulk)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        Directory = target.Directory ?? "";
        Bulk = bulk;
        if (target.Directory is not null) System.IO.Directory.CreateDirectory(Path.Combine(target.Directory, SubDirectory));
        if (bulk)
        {
            var types = FhirResourceTypes.All;
            var streams = new Stream[types.Count];
            try
            {
                for (int i = 0; i < types.Count; i++)
                {
                    var name = FhirResourceTypes.Name(types[i]) + ".ndjson";
                    streams[i] = target.Create(SubDirectory + "/" + name, bufferSize: 1 << 16);
                    _files.Add(SubDirectory + "/" + name);
                }
            }
            catch
            {
                foreach (var s in streams) s?.Dispose();
                throw;
            }
            _ndjson = new NdjsonSink(streams, FhirBundleWriter.WriterOptions);
            _resources = new PatientResources();
        }
        else
        {
            _bundles = new FhirBundleWriter();
            _buffer = new ArrayBufferWriter<byte>(256 * 1024);
            _json = new Utf8JsonWriter(_buffer, FhirBundleWriter.WriterOptions);
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a bulk NDJSON file of resources shared by patients (organizations,
    /// practitioners: written once per run), which several shards may each hold; every other file is one patient's.
    /// </summary>
    public static bool IsSharedNdjson(string path) =>
        path == SubDirectory + "/" + FhirResourceTypes.Name(FhirResourceType.Organization) + ".ndjson"
        || path == SubDirectory + "/" + FhirResourceTypes.Name(FhirResourceType.Practitioner) + ".ndjson";

    /// <summary>The directory given to the constructor (the files are in its fhir/ sub-directory).</summary>
    public string Directory { get; }

    /// <summary>Whether the output is Bulk Data NDJSON rather than one Bundle per patient.</summary>
    public bool Bulk { get; }

    /// <summary>
    /// Resources written so far per type, keyed "fhir/&lt;Type&gt;" in <see cref="FhirResourceType"/> order; with
    /// bundles, "fhir/Bundle" counts the bundles.
    /// </summary>
    public IReadOnlyDictionary<string, long> RowCounts
    {
        get
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            if (!Bulk) counts[CountPrefix + "Bundle"] = _bundleCount;
            var byType = Bulk ? _ndjson!.Counts : _bundles!.Counts;
            foreach (var type in FhirResourceTypes.All) counts[CountPrefix + FhirResourceTypes.Name(type)] = byType[(int)type];
            return counts;
        }
    }

    /// <summary>
    /// The files written, relative to <see cref="Directory"/>: every type's NDJSON file in bulk mode, else one bundle
    /// per patient written so far, in patient order.
    /// </summary>
    public IReadOnlyList<string> Files => _files;

    public void Write(PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The exporter has completed.");
        if (Bulk)
        {
            _resources!.Write(patient, _ndjson!);
            return;
        }

        var name = patient.Demographics.Id.ToString("D") + ".json";
        _buffer!.ResetWrittenCount();
        _json!.Reset(_buffer);
        _bundles!.Write(patient, _json);
        _json.Flush();
        _buffer.Write("\n"u8);
        using (var file = _target.Create(SubDirectory + "/" + name, bufferSize: 0))
        {
            file.Write(_buffer.WrittenSpan);
        }
        _files.Add(SubDirectory + "/" + name);
        _bundleCount++;
    }

    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
        _ndjson?.Dispose();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _ndjson?.Dispose();
        _json?.Dispose();
    }
}
