return SyntheticPatients.Cli.SyntheticPatientsCli.Run(args, SyntheticPatients.Generated.GeneratedCatalog.Instance);
