namespace SyntheticPatients.Exporters.Vista;

/// <summary>What <see cref="VistaExporter"/> writes.</summary>
public enum VistaMode
{
    /// <summary>
    /// The default: FileMan internal values (pointers, FileMan dates, set-of-codes) in one GT.M/YottaDB ZWR file per
    /// FileMan file, loadable unchanged with <c>mupip load -format=zwr</c>.
    /// </summary>
    FileManInternal,

    /// <summary>
    /// The seed's plain MUMPS listing (<c>vista_globals.mumps</c>: one <c>S ^REF=value</c> command per line) of PATIENT,
    /// VISIT and PROBLEM with text values and <c>$H</c> dates.
    /// </summary>
    Legacy,
}
