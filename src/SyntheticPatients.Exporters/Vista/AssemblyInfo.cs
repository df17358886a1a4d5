using System.Runtime.CompilerServices;

// The ZWR encoder, FileMan dates and M collation helpers are tested directly.
[assembly: InternalsVisibleTo("SyntheticPatients.Exporters.Tests")]
