using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Agency;

namespace Procurement.Portal.Tests.Agency;

public sealed class The_profile_checks_the_credit_code_as_it_is_typed : AgencyPageContext
{
    private readonly Agencies _agencies = new();

    public The_profile_checks_the_credit_code_as_it_is_typed()
    {
        Services.AddSingleton<IAgenciesClient>(_agencies);
    }

    [Fact]
    public void A_code_still_being_typed_says_how_many_characters_are_in()
    {
        var page = Render<Profile>();

        page.Find("input[data-testid=\'profile-code\']").Input("52440305MJ");

        HelpOf(page, "profile-code").Should().Be("已输入 10 位，统一社会信用代码为 18 位。");
        page.Find("[data-testid='profile-save'] button").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public void A_mistyped_code_is_shown_as_an_error_before_anything_is_saved()
    {
        var page = Render<Profile>();

        page.Find("input[data-testid=\'profile-code\']").Input("52440305MJL100018G");

        HelpOf(page, "profile-code").Should().Be("校验码不符，请核对是否输错。");
        FormItemOf(page, "profile-code").ClassList.Should().Contain("ant-form-item-has-error");
        page.Find("[data-testid='profile-save'] button").HasAttribute("disabled").Should().BeTrue();
        _agencies.Saved.Should().BeEmpty();
    }

    [Fact]
    public void A_letter_the_code_never_uses_is_named()
    {
        var page = Render<Profile>();

        page.Find("input[data-testid=\'profile-code\']").Input("52440305MJL1000I7G");

        HelpOf(page, "profile-code").Should().Contain("“I”");
    }

    [Fact]
    public void A_valid_code_is_accepted_and_names_its_registration_authority()
    {
        var page = Render<Profile>();

        page.Find("input[data-testid=\'profile-code\']").Input("52440305mjl100017g");

        HelpOf(page, "profile-code").Should().Be("统一社会信用代码校验通过。");
        FormItemOf(page, "profile-code").ClassList.Should().Contain("ant-form-item-has-success");
        page.Find("[data-testid='profile-authority']").TextContent.Should().Be("民政");
        page.Find("[data-testid='profile-save'] button").HasAttribute("disabled").Should().BeFalse();
    }

    [Fact]
    public void A_refusal_of_the_API_shows_each_message_beside_its_field()
    {
        _agencies.Refusal = Refusals.Problem(400, "请求有误",
            ("contacts[0].phone", "联系电话格式不正确。"), ("registrationDate", "登记日期不能晚于今天。"));
        var page = Render<Profile>();
        Fill(page.Find("input[data-testid='profile-name']"), "示范区阳光社会工作服务中心");
        page.Find("input[data-testid=\'profile-code\']").Input("52440305MJL100017G");
        Fill(page.Find("input[data-testid='profile-address']"), "示范区幸福路 1 号");
        Fill(page.Find("input[data-testid='contact-0-name']"), "王五");
        Fill(page.Find("input[data-testid='contact-0-phone']"), "12345");
        Fill(page.Find("input[data-testid='contact-0-email']"), "wang@example.cn");

        page.Find("form").Submit();

        page.WaitForAssertion(() => HelpOf(page, "contact-0-phone").Should().Be("联系电话格式不正确。"));
        HelpOf(page, "profile-registration-date").Should().Be("登记日期不能晚于今天。");
        HelpOf(page, "contact-0-email").Should().BeEmpty("only the named fields carry a message");
        _agencies.Saved.Should().ContainSingle().Which.UnifiedSocialCreditCode.Should().Be("52440305MJL100017G");
        _agencies.Saved[0].Contacts!.Single().Phone.Should().Be("12345");
    }

    [Fact]
    public void A_saved_profile_is_loaded_into_the_form()
    {
        _agencies.Existing = new AgencyResponse
        {
            Id = Guid.NewGuid(),
            Name = "示范区阳光社会工作服务中心",
            UnifiedSocialCreditCode = "52440305MJL100017G",
            RegistrationDate = new DateOnly(2015, 3, 2),
            Address = "示范区幸福路 1 号",
            Contacts = [new AgencyContact { Name = "王五", Phone = "13800138000", Email = "wang@example.cn" }],
            Version = 3,
        };

        var page = Render<Profile>();

        page.Find("input[data-testid='profile-name']").GetAttribute("value").Should().Be("示范区阳光社会工作服务中心");
        HelpOf(page, "profile-code").Should().Be("统一社会信用代码校验通过。");
        page.Find("input[data-testid='contact-0-phone']").GetAttribute("value").Should().Be("13800138000");
    }

    private static IElement FormItemOf(IRenderedComponent<Profile> page, string testId) =>
        page.Find($"[data-testid='{testId}']").Closest(".ant-form-item")!;

    private static string? HelpOf(IRenderedComponent<Profile> page, string testId) =>
        FormItemOf(page, testId).QuerySelector(".ant-form-item-explain")?.TextContent.Trim();

    private sealed class Agencies : AgenciesClientFake
    {
        public AgencyResponse? Existing { get; set; }

        public ApiException? Refusal { get; set; }

        public List<AgencyProfileRequest> Saved { get; } = [];

        public override Task<AgencyResponse> GetOwnAgencyAsync(CancellationToken cancellationToken) =>
            Existing is { } agency ? Task.FromResult(agency) : throw Refusals.Problem(404, "未找到");

        public override Task<AgencyResponse> PutOwnAgencyAsync(AgencyProfileRequest body, CancellationToken cancellationToken)
        {
            Saved.Add(body);
            return Refusal is { } refusal ? throw refusal : Task.FromResult(Existing!);
        }
    }
}
