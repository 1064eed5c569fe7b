using Procurement.Bidding;
using Procurement.ServiceDefaults.Hosting;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "bidding", BiddingModule.Module);
await app.RunServiceAsync();
