using System.Globalization;
using ImagingWorklist.Simulator;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return await Commands.RunAsync(args, Console.Out, Console.Error);
