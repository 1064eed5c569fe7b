using Procurement.Contracts.Identity;
using Procurement.Identity.Domain;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 16 item 14: an agency records its confirmation, suspension and reinstatement, and an evaluator their joining of
/// the expert pool, as they change; a refused change records nothing; no endpoint raises an event itself.
/// </summary>
public sealed class Events_recorded_by_organisations_and_users
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static Organisation Registered() => Organisation.RegisterAgency(
        Guid.CreateVersion7(), "阳光社工服务中心", "52440300MJL1234567", "福田区民政局", "李四", new DateOnly(2019, 5, 6), "深圳市福田区二路 2 号", Now);

    [Fact]
    public void No_endpoint_consumer_or_clock_job_of_Identity_raises_an_event()
    {
        OutboxRaises.CallersIn(typeof(IdentityModule).Assembly, OutboxRaises.InLayers("Endpoints", "Messaging", "Scheduling")).Should().BeEmpty();
    }

    [Fact]
    public void An_organisation_announced_records_its_public_name_for_the_open_data_and_nothing_else_of_it()
    {
        var unit = new Organisation(Guid.CreateVersion7(), "福田区民政局", OrganisationKind.PurchasingUnit, region: "深圳市福田区", divisionCode: "440304");
        unit.PendingEvents().All.Should().BeEmpty();

        unit.Announce(Now);

        var listed = unit.PendingEvents().All.Should().ContainSingle().Which.Should().BeOfType<OrganisationsListed>().Subject;
        listed.ListedAt.Should().Be(Now);
        listed.Organisations.Should().Equal(new ListedOrganisation(unit.Id, "福田区民政局", "PurchasingUnit", "深圳市福田区", "440304"));
    }

    [Fact]
    public void A_confirmed_registration_records_the_agency_with_its_contact()
    {
        var agency = Registered();
        agency.PendingEvents().All.Should().BeEmpty("an agency awaiting confirmation is nobody else's business");

        agency.ConfirmRegistration("王五", "13800000000", "wang@example.org", Now.AddHours(1));

        agency.PendingEvents().All.Should().Equal(new AgencyRegistered(
            agency.Id, "阳光社工服务中心", "52440300MJL1234567", "福田区民政局", "李四", new DateOnly(2019, 5, 6), "深圳市福田区二路 2 号",
            "王五", "13800000000", "wang@example.org", Now.AddHours(1)));
    }

    [Fact]
    public void Suspending_and_reinstating_record_their_events_and_a_suspension_without_a_reason_records_nothing()
    {
        var agency = Registered();
        var unreasoned = () => agency.Suspend(" ", Now);
        unreasoned.Should().Throw<ArgumentException>();
        agency.PendingEvents().All.Should().BeEmpty();

        agency.Suspend(" 资质造假 ", Now);
        agency.Reinstate(Now.AddDays(3));

        agency.PendingEvents().All.Should().Equal(new AgencySuspended(agency.Id, "资质造假", Now), new AgencyReinstated(agency.Id, Now.AddDays(3)));
    }

    [Fact]
    public void An_evaluator_joining_the_pool_records_it_and_joining_another_organisations_pool_is_refused_with_nothing_recorded()
    {
        var pool = Guid.CreateVersion7();
        var expert = new ProcurementUser(Guid.CreateVersion7(), "expert1", "张专家", pool);
        var elsewhere = () => expert.JoinExpertPool(Guid.CreateVersion7(), ["Elderly"], Now);
        elsewhere.Should().Throw<ArgumentException>();
        expert.PendingEvents().All.Should().BeEmpty();

        expert.JoinExpertPool(pool, ["Elderly", "Family"], Now);

        expert.PendingEvents().All.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ExpertJoinedPool(expert.Id, pool, "张专家", ["Elderly", "Family"], Now));
    }
}
