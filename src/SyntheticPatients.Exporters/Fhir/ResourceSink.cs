using System.Text.Json;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Where the mappers' resources go: the entries of one transaction Bundle (<see cref="BundleSink"/>) or the lines
/// of one NDJSON file per resource type (<see cref="NdjsonSink"/>). A mapper calls <see cref="Begin"/>, writes the
/// resource's properties after <c>resourceType</c> and <c>id</c>, then calls <see cref="End"/>.
/// </summary>
internal abstract class ResourceSink
{
    private readonly long[] _counts = new long[FhirResourceTypes.All.Count];

    /// <summary>Resources written so far, by <see cref="FhirResourceType"/>.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Whether references are <c>urn:uuid:</c> full URLs (in a Bundle) or <c>Type/id</c> (bulk files).</summary>
    public abstract bool UrnReferences { get; }

    /// <summary>
    /// Whether a shared resource (an organization or practitioner) still has to be written: true the first time it
    /// is asked about in the sink's scope (a bundle, or the whole bulk run).
    /// </summary>
    public abstract bool Claim(FhirResourceType type, Guid id);

    /// <summary>Starts a resource: the returned writer is inside the resource object, after resourceType and id.</summary>
    public Utf8JsonWriter Begin(FhirResourceType type, Guid id)
    {
        var w = StartResource(type, id);
        w.WriteString("resourceType"u8, FhirResourceTypes.Utf8Name(type));
        FhirJson.Id(w, id);
        return w;
    }

    /// <summary>Ends the resource begun last.</summary>
    /// <param name="ifNoneExist">For a Bundle: a conditional create's search (<c>identifier=system|value</c>).</param>
    public void End(FhirResourceType type, string? ifNoneExist = null)
    {
        _counts[(int)type]++;
        EndResource(type, ifNoneExist);
    }

    protected abstract Utf8JsonWriter StartResource(FhirResourceType type, Guid id);

    protected abstract void EndResource(FhirResourceType type, string? ifNoneExist);
}
