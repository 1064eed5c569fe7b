using Procurement.Disbursement;
using Procurement.ServiceDefaults.Hosting;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "disbursement", DisbursementModule.Module);
await app.RunServiceAsync();
