using Procurement.Testing;

namespace Procurement.Integration.Tests;

/// <summary>A fact that needs the RabbitMQ of <c>scripts/test.sh</c>: reported as skipped, not passed, when none is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrokerFactAttribute : FactAttribute
{
    public const string Reason =
        "Needs RabbitMQ: run scripts/test.sh, or start a node with scripts/rabbitmq-node.sh and export its PROCUREMENT_TEST_RABBITMQ_* variables.";

    public BrokerFactAttribute()
    {
        if (RabbitMqSettings.FromEnvironment() is null)
        {
            Skip = Reason;
        }
    }
}
