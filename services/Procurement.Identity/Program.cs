using Procurement.Identity;
using Procurement.ServiceDefaults.Hosting;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "identity", IdentityModule.Module);
await app.RunServiceAsync();
