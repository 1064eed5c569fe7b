using Procurement.ServiceDefaults.Hosting;
using Procurement.Tendering;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "tendering", TenderingModule.Module);
await app.RunServiceAsync();
