using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Agency;
using Microsoft.Extensions.DependencyInjection;

namespace Procurement.Portal.Tests.Agency;

public sealed class ID_numbers_are_never_shown_in_full : AgencyPageContext
{
    [Theory]
    [InlineData("1037", "**************1037")]
    [InlineData("440305199001011037", "**************1037")]
    [InlineData("11010519491231002X", "**************002X")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Only_the_last_four_characters_are_shown(string? number, string shown)
    {
        IdNumberMask.Mask(number).Should().Be(shown);
    }

    [Fact]
    public void The_roster_shows_each_worker_with_the_ID_number_masked_even_when_the_API_answers_more()
    {
        var roster = new Roster(
            Worker("张三", "1037", CertificateLevel.Intermediate, supervisor: true),
            Worker("李四", "440305199001011029", CertificateLevel.None, supervisor: false));
        Services.AddSingleton<IStaffRosterClient>(roster);
        Services.AddSingleton(TimeProvider.System);

        var page = Render<Staff>();

        var cells = page.FindAll("[data-testid='worker-id-number']").Select(c => c.TextContent.Trim()).ToList();
        cells.Should().Equal("**************1037", "**************1029");
        page.Markup.Should().NotContain("440305199001011029");
        page.Find("[data-testid='staff-table']").TextContent.Should().Contain("张三").And.Contain("社会工作师");
    }

    [Fact]
    public void Editing_a_worker_shows_the_masked_number_and_no_field_to_change_it()
    {
        Services.AddSingleton<IStaffRosterClient>(new Roster(Worker("张三", "1037", CertificateLevel.Senior, supervisor: false)));
        Services.AddSingleton(TimeProvider.System);
        var page = Render<Staff>();

        page.Find("[data-testid='worker-edit']").Click();

        page.Find("[data-testid='worker-id-number-shown']").TextContent.Should().Be("**************1037");
        page.FindAll("[data-testid='worker-id-number-input']").Should().BeEmpty();
    }

    private static WorkerResponse Worker(string name, string lastFour, CertificateLevel level, bool supervisor) => new()
    {
        Id = Guid.NewGuid(),
        AgencyId = Guid.NewGuid(),
        Name = name,
        IdNumberLastFour = lastFour,
        CertificateLevel = level,
        IsSupervisor = supervisor,
        TrainingHours = [new TrainingRecord { Year = 2026, Hours = 20 }],
        TrainingHoursThisYear = 20,
        TrainingHoursLastThreeYears = 60,
        MeetsTrainingTarget = true,
        Active = true,
        Version = 1,
    };

    private sealed class Roster(params WorkerResponse[] workers) : StaffRosterClientFake
    {
        public override Task<ICollection<WorkerResponse>> ListSocialWorkersAsync(bool? includeInactive, CancellationToken cancellationToken) =>
            Task.FromResult<ICollection<WorkerResponse>>(workers);
    }
}
