// synthpatients: the CLI (src/SyntheticPatients.Cli) over the built-in module library's compiled catalog.
return SyntheticPatients.Cli.SyntheticPatientsCli.Run(args, SyntheticPatients.Generated.GeneratedCatalog.Instance);
