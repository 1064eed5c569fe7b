using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>Skipped (not passed) unless <c>scripts/test.sh</c> started a broker and exported its settings.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsBrokerAttribute : FactAttribute
{
    public NeedsBrokerAttribute() => Skip = RabbitMqSettings.FromEnvironment() is null ? "Needs the RabbitMQ node of scripts/test.sh." : null;
}
