using Procurement.Bidding.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Tests;

public sealed class Agency_rules
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly AgencyContact Contact = AgencyContact.Create("Li Ming", "13800138000", "liming@example.org");

    private static AgencyProfile Profile(DateOnly? registered = null, int contacts = 1) => new(
        "Sunshine Social Work Service Centre", UnifiedSocialCreditCode.Parse("52440305MJL100017G"), registered ?? new DateOnly(2015, 6, 1),
        "1 Shennan Road, Futian, Shenzhen", Enumerable.Repeat(Contact, contacts).ToList());

    private static Agency Registered() => Agency.Register(Guid.NewGuid(), Profile(), Today, Now);

    [Fact]
    public void An_agency_registered_today_is_accepted()
    {
        var agency = Agency.Register(Guid.NewGuid(), Profile(Today), Today, Now);

        agency.RegistrationDate.Should().Be(Today);
        agency.Version.Should().Be(1);
    }

    [Fact]
    public void A_registration_date_tomorrow_is_refused()
    {
        var register = () => Agency.Register(Guid.NewGuid(), Profile(Today.AddDays(1)), Today, Now);

        var refusal = register.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("registration_date_in_future");
        refusal.Field.Should().Be("registrationDate");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void An_agency_lists_one_to_five_contacts(int count)
    {
        Agency.Register(Guid.NewGuid(), Profile(contacts: count), Today, Now).Contacts.Should().HaveCount(count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void No_contacts_or_more_than_five_are_refused(int count)
    {
        var register = () => Agency.Register(Guid.NewGuid(), Profile(contacts: count), Today, Now);

        register.Should().Throw<RuleViolationException>().Which.Code.Should().Be("agency_contacts_count");
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 13800138000")]
    [InlineData("0755-83211234")]
    [InlineData("010-12345678-801")]
    public void Mobile_and_landline_numbers_are_phones(string phone)
    {
        AgencyContact.IsPhone(phone).Should().BeTrue();
    }

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("83211234")]
    [InlineData("call me")]
    public void Other_text_is_not_a_phone(string phone)
    {
        AgencyContact.IsPhone(phone).Should().BeFalse();
    }

    [Theory]
    [InlineData("a@b.cn", true)]
    [InlineData("a@b", false)]
    [InlineData("a b@c.cn", false)]
    public void An_email_needs_a_local_part_and_a_domain(string email, bool valid)
    {
        AgencyContact.IsEmail(email).Should().Be(valid);
    }

    [Fact]
    public void A_debarment_covers_its_first_and_last_day_and_nothing_outside()
    {
        var agency = Registered();

        agency.Debar(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "Bid rigging (串通投标)", "admin-1", Now);

        agency.IsDebarredOn(new DateOnly(2026, 11, 30)).Should().BeFalse();
        agency.IsDebarredOn(new DateOnly(2026, 12, 1)).Should().BeTrue();
        agency.IsDebarredOn(new DateOnly(2026, 12, 31)).Should().BeTrue();
        agency.IsDebarredOn(new DateOnly(2027, 1, 1)).Should().BeFalse();
        agency.Debarment!.RecordedBy.Should().Be("admin-1");
        agency.Version.Should().Be(2);
    }

    [Fact]
    public void A_one_day_debarment_is_accepted_and_one_that_ends_before_it_starts_is_refused()
    {
        var agency = Registered();

        agency.Debar(Today, Today, "one day", "admin-1", Now);
        var reversed = () => agency.Debar(Today, Today.AddDays(-1), "reversed", "admin-1", Now);

        agency.IsDebarredOn(Today).Should().BeTrue();
        var refusal = reversed.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("debarment_span_reversed");
        refusal.Field.Should().Be("until");
    }

    [Fact]
    public void A_debarment_without_an_end_lasts_until_lifted()
    {
        var agency = Registered();

        agency.Debar(Today, null, "Unpaid penalty", "admin-1", Now);
        agency.IsDebarredOn(new DateOnly(2099, 1, 1)).Should().BeTrue();

        agency.LiftDebarment(Now);
        agency.IsDebarredOn(Today).Should().BeFalse();
        agency.Debarment.Should().BeNull();
    }

    [Fact]
    public void Lifting_when_not_debarred_changes_nothing()
    {
        var agency = Registered();

        agency.LiftDebarment(Now);

        agency.Version.Should().Be(1);
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var agency = Registered();

        agency.EnsureVersion(null);
        agency.EnsureVersion(1);
        var stale = () => agency.EnsureVersion(0);

        stale.Should().Throw<ConflictException>().Which.Code.Should().Be("concurrency");
    }
}
