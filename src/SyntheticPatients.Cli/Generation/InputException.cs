namespace SyntheticPatients.Cli.Generation;

/// <summary>Bad input from the user (flags, config, scenario): printed as one clear message, exit code 2, nothing written.</summary>
internal sealed class InputException(string message) : Exception(message);
