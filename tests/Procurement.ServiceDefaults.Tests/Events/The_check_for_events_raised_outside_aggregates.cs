using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests.Events
{
    /// <summary>
    /// The check each service's architecture test runs (<see cref="OutboxRaises"/>) sees a call to the outbox's Raise wherever
    /// it is written in an endpoint, consumer or clock job: in a plain method, an async method's state machine or a lambda;
    /// and it names nothing that does not call it.
    /// </summary>
    public sealed class The_check_for_events_raised_outside_aggregates
    {
        [Fact]
        public void Finds_each_method_that_raises_and_only_those_in_the_layers_asked_for()
        {
            var callers = OutboxRaises.CallersIn(typeof(Endpoints.GadgetEndpoints).Assembly, OutboxRaises.InLayers("Endpoints"));

            callers.Should().Equal("GadgetEndpoints.Announce", "GadgetEndpoints.RenameAsync", "GadgetEndpoints.Routes");
        }

        [Fact]
        public void Sees_no_raise_in_a_layer_whose_methods_only_change_aggregates()
        {
            OutboxRaises.CallersIn(typeof(Scheduling.GadgetClock).Assembly, OutboxRaises.InLayers("Scheduling")).Should().BeEmpty();
        }
    }
}

namespace Procurement.ServiceDefaults.Tests.Events.Endpoints
{
    /// <summary>What the check must catch: events raised by hand, three ways.</summary>
    internal static class GadgetEndpoints
    {
        public static void Announce(GadgetDb db, Gadget gadget) => db.Raise(new GadgetRenamed(gadget.Id, gadget.Name, gadget.Version));

        public static async Task RenameAsync(GadgetDb db, Gadget gadget, string name)
        {
            gadget.Rename(name);
            await Task.Yield();
            db.Raise(new GadgetRenamed(gadget.Id, gadget.Name, gadget.Version));
        }

        public static Func<GadgetDb, Task<int>> Routes() => db =>
        {
            db.Raise(new GadgetRenamed(Guid.Empty, "route", 0));
            return db.SaveChangesAsync();
        };

        public static Task<int> QuietAsync(GadgetDb db, Gadget gadget)
        {
            gadget.Rename("quiet");
            return db.SaveChangesAsync();
        }
    }
}

namespace Procurement.ServiceDefaults.Tests.Events.Scheduling
{
    /// <summary>What the check must let pass: a clock job that changes the aggregate, which records its event.</summary>
    internal static class GadgetClock
    {
        public static async Task TickAsync(GadgetDb db, Gadget gadget)
        {
            gadget.Rename(gadget.Name + "!");
            await db.SaveChangesAsync();
        }
    }
}
