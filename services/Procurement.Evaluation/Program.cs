using Procurement.Evaluation;
using Procurement.ServiceDefaults.Hosting;

var app = ProcurementHost.Build(WebApplication.CreateBuilder(args), "evaluation", EvaluationModule.Module);
await app.RunServiceAsync();
