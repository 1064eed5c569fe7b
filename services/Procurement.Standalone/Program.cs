using Procurement.ServiceDefaults.Hosting;
using Procurement.Standalone;

var app = StandaloneHost.Build(WebApplication.CreateBuilder(args));
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(StandaloneHost.Banner(app)));
await app.RunServiceAsync();
