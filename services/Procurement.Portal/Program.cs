using Procurement.Portal;
using Procurement.ServiceDefaults.Hosting;

// The distributed portal: its own process behind the gateway, which routes "/" and the portal's assets here and
// "/api" and "/connect" to the services and Identity. Portal:Authority (and Portal:ApiBaseAddress) name the gateway.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("portal");
PortalModule.Module.Add(builder);
builder.AddPortalHealth();
var app = builder.Build();
app.UseServiceDefaults();
PortalModule.Module.Map(app);
app.MapPortalHealth();
await app.RunAsync();
