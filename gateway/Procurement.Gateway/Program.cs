using Procurement.Gateway;

GatewayHost.Build(WebApplication.CreateBuilder(args)).Run();
