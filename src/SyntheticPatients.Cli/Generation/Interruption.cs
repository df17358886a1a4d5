using System.Runtime.InteropServices;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation instead of the runtime's immediate exit, so the run stops at
/// its next batch, removes its staging folder, says so and exits with 130. Once the run is committing its files the
/// signal no longer stops it: a half-moved output folder would be worse than finishing the rename.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Interruption()
    {
        _registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _source.Cancel();
            }))
            .ToArray();
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
