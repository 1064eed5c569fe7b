using Procurement.Contracting;
using Procurement.ServiceDefaults.Hosting;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "contracting", ContractingModule.Module);
await app.RunServiceAsync();
