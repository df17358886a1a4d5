using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli.Errors;

/// <summary>
/// The CLI's one error path: every command's exception ends here and becomes one message on stderr and an exit code
/// (<see cref="ExitCodes"/>). Only a bug in the tool itself still shows a stack trace.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Prints the message for <paramref name="ex"/> and returns the exit code; rethrows what is not the user's to fix.</summary>
    public static int Report(Exception ex)
    {
        if (ex is InputException input)
        {
            Console.Error.WriteLine(input.Message);
            return ExitCodes.BadInput;
        }
        var cause = FileSystemErrors.Find(ex);
        switch (cause)
        {
            case OperationCanceledException:
                Console.Error.WriteLine("interrupted: the run stopped before it completed; its partial output was removed and the output folder is as it was before the run.");
                return ExitCodes.Interrupted;
            case OutOfMemoryException:
                Console.Error.WriteLine("error: out of memory: lower --threads or --batch-size (they do not change the output).");
                return ExitCodes.WriteFailed;
            case not null when FileSystemErrors.IsDiskFull(cause):
                Console.Error.WriteLine($"error: the disk is full ({cause.Message}). Nothing was changed in the output folder and the partial run was removed; free some space (README.md, \"Output size\", says how much a run needs) or choose another --output-dir.");
                return ExitCodes.WriteFailed;
            case not null when FileSystemErrors.IsNotWritable(cause):
                Console.Error.WriteLine($"error: cannot write there ({cause.Message}): choose a folder you can write to, or fix its permissions.");
                return ExitCodes.BadInput;
            case IOException:
                Console.Error.WriteLine($"error: I/O error ({cause.Message}). Nothing was changed in the output folder and the partial run was removed.");
                return ExitCodes.WriteFailed;
            default:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
                return ExitCodes.WriteFailed; // not reached
        }
    }
}
