using Procurement.Identity.Accounts;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Standalone;
using Procurement.Simulation;

// `simulate` replays programs through the domain on a simulated clock (docs/continuity.md): no web host, no database.
if (SimulateCommand.Matches(args))
{
    return SimulateCommand.Run(args[1..], Console.Out, Console.Error);
}

// `admin create --username … --email …` creates the first administrator on this host's data folder and prints a
// link to set the password (Procurement.Identity.Accounts.AdminCommand): no web host runs.
if (AdminCommand.Matches(args))
{
    return await AdminCommand.RunAsync(args, hostArgs => StandaloneHost.Build(StandaloneHost.CreateBuilder(hostArgs)), Console.Out, Console.Error);
}

var app = StandaloneHost.Build(StandaloneHost.CreateBuilder(args));
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(StandaloneHost.Banner(app)));
await app.RunServiceAsync();
return 0;
