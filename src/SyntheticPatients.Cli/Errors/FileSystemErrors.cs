namespace SyntheticPatients.Cli.Errors;

/// <summary>
/// Recognizes the operating system's error behind an I/O exception. .NET reports the errno (Unix) or the Win32 error
/// (as an HRESULT) in <see cref="Exception.HResult"/>; the message alone differs between platforms and languages.
/// </summary>
internal static class FileSystemErrors
{
    private const int EnospcUnix = 28;
    private const int EdquotUnix = 122;
    private const int ErofsUnix = 30;
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorWriteProtect = unchecked((int)0x80070013);

    public static bool IsDiskFull(Exception ex) => ex is IOException
        && ex.HResult is EnospcUnix or EdquotUnix or ErrorDiskFull or ErrorHandleDiskFull;

    /// <summary>Permission denied, an immutable file, or a read-only file system: the user must pick another folder or fix it.</summary>
    public static bool IsNotWritable(Exception ex) => ex is UnauthorizedAccessException
        || (ex is IOException && ex.HResult is ErofsUnix or ErrorWriteProtect);

    /// <summary>The first I/O, access, memory or cancellation error in an exception and its inner or aggregated ones.</summary>
    public static Exception? Find(Exception ex)
    {
        switch (ex)
        {
            case IOException or UnauthorizedAccessException or OutOfMemoryException or OperationCanceledException:
                return ex;
            case AggregateException aggregate:
                foreach (var inner in aggregate.Flatten().InnerExceptions)
                {
                    if (Find(inner) is { } found) return found;
                }
                return null;
            default:
                return ex.InnerException is null ? null : Find(ex.InnerException);
        }
    }
}
