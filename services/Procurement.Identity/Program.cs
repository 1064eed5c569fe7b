using Procurement.Identity;
using Procurement.Identity.Accounts;
using Procurement.ServiceDefaults.Hosting;

// `admin create --username … --email …` creates the first administrator and prints a link to set the password: no web host runs.
if (AdminCommand.Matches(args))
{
    return await AdminCommand.RunAsync(args, hostArgs => ProcurementHost.Build(WebApplication.CreateBuilder(hostArgs), "identity", IdentityModule.Module),
        Console.Out, Console.Error);
}

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "identity", IdentityModule.Module);
await app.RunServiceAsync();
return 0;
