namespace SyntheticPatients.Cli.Errors;

/// <summary>The process exit codes of every command (README.md and docs/outputs.md list them; scripts branch on them).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A check command found problems (modules check).</summary>
    public const int ChecksFailed = 1;

    /// <summary>Bad input or environment the user can fix before running again: an option, a path, permissions, a lock.</summary>
    public const int BadInput = 2;

    /// <summary>Writing failed part-way (disk full, I/O error): the partial run was removed, earlier output is untouched.</summary>
    public const int WriteFailed = 3;

    /// <summary>Ctrl-C or SIGTERM: 128 + SIGINT, as shells report a process stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;
}
