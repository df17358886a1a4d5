using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli.Output;

/// <summary>
/// One run at a time per output folder: a run holds <c>.synthpatients.lock</c> open with an exclusive lock (flock on
/// Unix, a sharing lock on Windows) until it ends. The operating system drops the lock when the process ends, however
/// it ends, so the lock of a killed run never blocks a later one. The file stays (empty): deleting it would let a run
/// that opened it just before the delete hold a lock on a file no one else can see.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    public const string FileName = ".synthpatients.lock";

    private const int WouldBlockUnix = 11;
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    private readonly FileStream _file;

    private OutputLock(FileStream file) => _file = file;

    public static OutputLock Acquire(string folder)
    {
        try
        {
            return new OutputLock(new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex.HResult is WouldBlockUnix or SharingViolation or LockViolation)
        {
            throw new InputException(
                $"error: another synthpatients run is writing into '{folder}' (it holds {FileName}): wait for it to finish, or choose another --output-dir.");
        }
    }

    public void Dispose() => _file.Dispose();
}
