using Marsad.Cli;

return CliApp.Run(args);
