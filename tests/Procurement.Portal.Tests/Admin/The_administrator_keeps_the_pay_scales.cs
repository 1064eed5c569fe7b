using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;
using Procurement.Portal.Tests.Oversight;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Admin;

/// <summary><c>POST/GET /api/tenders/pay-scales</c> as the pay scales page uses them: keeps what it is sent, or refuses it.</summary>
internal sealed class FakePayScales : IPayScalesClient
{
    /// <summary>The scales kept through this fake, oldest first.</summary>
    public List<PayScaleResponse> Scales { get; } = [];

    /// <summary>What <see cref="AddPayScaleAsync"/> throws instead of keeping the scale (the API's refusal), if set.</summary>
    public ApiException? Refusal { get; set; }

    public List<PayScaleRequest> Sent { get; } = [];

    public Task<PayScaleResponse> GetPayScaleAsync(string? region = null, int? year = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Scales.Last(s => s.Region == (region ?? "") && s.Year == year));

    public Task<ICollection<PayScaleResponse>> ListPayScalesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<PayScaleResponse>>([.. Enumerable.Reverse(Scales)]);

    public Task<PayScaleResponse> AddPayScaleAsync(PayScaleRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        Sent.Add(body);
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        var scale = Scale(body.Region ?? "", body.Year!.Value, body.Note, [.. body.Posts!]);
        Scales.Add(scale);
        return Task.FromResult(scale);
    }

    public static PayScaleResponse Scale(string region, int year, string? note, IReadOnlyList<PayScalePost> posts) => new()
    {
        Id = Guid.NewGuid(), Region = region, Year = year, Note = note, RecordedBy = Guid.NewGuid(),
        RecordedAt = new DateTimeOffset(2027, 3, 1, 1, 30, 0, TimeSpan.Zero),
        Content = new PayScaleContent { Posts = [.. posts] },
        Floors = [.. posts.Select(p => new PayFloor { Level = p.Post, MonthlyPay = p.Grades.First() })],
    };

    public static PayScalePost Post(CertificateLevel post, decimal lowest) => new() { Post = post, Grades = [lowest, lowest + 500m, lowest + 1000m] };
}

/// <summary>Issue 16 item 8 in the portal: the administrator keeps the pay scales (四岗十二档); the auditor reads them.</summary>
public sealed class The_administrator_keeps_the_pay_scales : OversightContext
{
    private readonly FakePayScales _scales = new();

    public The_administrator_keeps_the_pay_scales() => Services.AddSingleton<IPayScalesClient>(_scales);

    private static string Input(CertificateLevel post, int grade) => $"[data-testid='pay-scales-{post}-{grade}']";

    [Fact]
    public void A_regions_scale_is_typed_in_by_post_and_grade_sent_and_listed()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        var page = Render<PayScales>();
        page.WaitForElement("[data-testid='pay-scales-none']");
        page.Find("[data-testid='pay-scales-year']").GetAttribute("value").Should().Be("2027", "this year in Beijing");

        page.Find("[data-testid='pay-scales-region-input']").Change("Hill County");
        page.Find("[data-testid='pay-scales-note']").Change("示范区民政局〔2027〕5号");
        decimal[] lowest = [3000m, 5000m, 6000m, 8000m];
        foreach (var (post, pay) in Enum.GetValues<CertificateLevel>().Zip(lowest))
        {
            for (var g = 0; g < 3; g++)
            {
                page.Find(Input(post, g)).Change((pay + 500m * g).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        page.Find("[data-testid='pay-scales-save']").Click();

        var row = page.WaitForElement("[data-testid='pay-scale']");
        row.TextContent.Should().Contain("Hill County").And.Contain("2027").And.Contain("示范区民政局〔2027〕5号")
            .And.Contain("助理社会工作师：¥5,000.00 / ¥5,500.00 / ¥6,000.00").And.Contain("社工助理：¥3,000.00");
        var sent = _scales.Sent.Should().ContainSingle().Subject;
        (sent.Region, sent.Year).Should().Be(("Hill County", 2027));
        sent.Posts!.Select(p => (p.Post, p.Grades.First())).Should().Equal(
            (CertificateLevel.None, 3000m), (CertificateLevel.Assistant, 5000m), (CertificateLevel.Intermediate, 6000m), (CertificateLevel.Senior, 8000m));
        page.Find(Input(CertificateLevel.Senior, 2)).GetAttribute("value").Should().Be("9000.00", "the form keeps what was kept");
    }

    [Fact]
    public void The_form_starts_from_the_last_kept_scale_and_a_refused_grade_is_named_beside_its_own_box()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        _scales.Scales.Add(FakePayScales.Scale("", 2027, "全市指导价位",
            [.. Enum.GetValues<CertificateLevel>().Select((post, i) => FakePayScales.Post(post, 3000m + 1500m * i))]));
        _scales.Refusal = Agency.Refusals.Problem(422, "业务规则拒绝了该请求。",
            ("posts[1].grades[2]", "岗位第2项的各档月薪第3项为 4000.00：每一档须高于下一档（5000.00）。"));
        var page = Render<PayScales>();
        page.WaitForElement("[data-testid='pay-scales-form']");
        page.Find(Input(CertificateLevel.Assistant, 0)).GetAttribute("value").Should().Be("4500.00");

        page.Find(Input(CertificateLevel.Assistant, 2)).Change("4000");
        page.Find("[data-testid='pay-scales-save']").Click();

        page.WaitForElement("[data-field='posts[1].grades[2]']").TextContent.Should().Contain("每一档须高于下一档");
        page.FindAll("[data-field='posts[1].grades[1]']").Should().BeEmpty();
        page.FindAll("[data-testid='pay-scale']").Should().HaveCount(1, "nothing new was kept");
        _scales.Sent.Single().Posts!.ElementAt(1).Grades.Should().Equal(4500m, 5000m, 4000m);
    }

    [Fact]
    public void The_auditor_reads_the_kept_scales_and_finds_no_form()
    {
        SignIn("auditor", "auditor", "示范区审计监督办公室");
        _scales.Scales.Add(FakePayScales.Scale("", 2027, "全市指导价位",
            [.. Enum.GetValues<CertificateLevel>().Select((post, i) => FakePayScales.Post(post, 3000m + 1500m * i))]));
        var page = Render<PayScales>();

        page.WaitForElement("[data-testid='pay-scale']").TextContent.Should().Contain("所有地区").And.Contain("2027-03-01 09:30");
        page.FindAll("[data-testid^='act-']").Should().BeEmpty();
        page.FindAll("input, button, select, textarea").Should().BeEmpty();
    }
}

public sealed class The_pay_scales_read_in_english : PortalContext
{
    public The_pay_scales_read_in_english()
        : base("en")
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(OversightContext.Now));
        Services.AddLogging();
        var scales = new FakePayScales();
        scales.Scales.Add(FakePayScales.Scale("Hill County", 2027, null,
            [.. Enum.GetValues<CertificateLevel>().Select((post, i) => FakePayScales.Post(post, 3000m + 1500m * i))]));
        Services.AddSingleton<IPayScalesClient>(scales);
    }

    [Fact]
    public void Every_label_is_english()
    {
        SignIn("admin", "admin", "Platform operations");
        var page = Render<PayScales>();
        page.WaitForElement("[data-testid='pay-scales-form']");

        page.Find("[data-testid='pay-scales-title']").TextContent.Should().Be("Pay scales");
        page.Find("[data-testid='pay-scale-grades']").TextContent.Should().Contain("Assistant social worker: ¥4,500.00");
        page.Markup.Should().NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }
}
