using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14 item 5: a password has at least 12 characters, is not one of the 10,000 most common passwords and does not
/// contain the user name, each compared case-insensitively; every path that sets a password goes through Identity's
/// UserManager, where the policy is registered, and each refusal has a code and a message in Chinese and English.
/// </summary>
public sealed class Passwords_follow_the_platform_s_policy(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Theory]
    [InlineData("tulip-granite", true)]
    [InlineData("tulip-grani", false)]
    [InlineData("tulip-granit", true)]
    public void A_password_needs_twelve_characters(string password, bool accepted) =>
        Codes("wang.fang", password).Contains(PasswordPolicy.TooShort).Should().Be(!accepted);

    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    [InlineData("1qaz2wsx3edc")]
    public void A_common_password_is_refused_whatever_its_case(string password) =>
        Codes("wang.fang", password).Should().Equal(PasswordPolicy.Common);

    [Fact]
    public void A_password_that_merely_contains_a_common_one_is_accepted() =>
        Codes("wang.fang", "qwerty123456 tulip").Should().BeEmpty();

    [Fact]
    public void The_list_holds_the_ten_thousand_most_common_passwords() =>
        PasswordPolicy.CommonPasswordCount.Should().Be(10_000);

    [Theory]
    [InlineData("wang.fang", "my-WANG.FANG-2026", false)]
    [InlineData("wang.fang", "my-wang-fang-2026", true)]
    [InlineData("li", "li-and-tulips-2026", true)]
    [InlineData("liu", "liu-and-tulips-2026", false)]
    public void A_password_may_not_contain_the_user_name(string userName, string password, bool accepted) =>
        Codes(userName, password).Contains(PasswordPolicy.ContainsUserName).Should().Be(!accepted);

    [Fact]
    public void Every_rule_broken_is_reported_at_once() =>
        Codes("password", "password").Should().BeEquivalentTo([PasswordPolicy.TooShort, PasswordPolicy.Common, PasswordPolicy.ContainsUserName]);

    [Theory]
    [InlineData("zh-CN", "密码至少需要 12 个字符。")]
    [InlineData("en", "The password must have at least 12 characters.")]
    public void The_message_is_in_the_callers_language(string culture, string message)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            PasswordPolicy.Check("wang.fang", "short").Single().Description.Should().Be(message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Identity_applies_the_policy_wherever_a_password_is_set()
    {
        await using var scope = identity.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var invited = new ProcurementUser(Guid.CreateVersion7(), "zhou.min", "Zhou Min / 周敏", DemoDirectory.CivilAffairsBureau);
        (await users.CreateAsync(invited)).Succeeded.Should().BeTrue("an invited user has no password yet");

        var common = await users.AddPasswordAsync(invited, "123456qwerty");
        var withName = await users.AddPasswordAsync(invited, "Zhou.Min-2026-spring");
        var accepted = await users.AddPasswordAsync(invited, "tulip-granite-harbour");
        var tooShort = await users.ChangePasswordAsync(invited, "tulip-granite-harbour", "short-one");
        var created = await users.CreateAsync(
            new ProcurementUser(Guid.CreateVersion7(), "qian.hao", "Qian Hao / 钱浩", DemoDirectory.CivilAffairsBureau), "qazwsxedcrfv");

        common.Errors.Select(e => e.Code).Should().Equal(PasswordPolicy.Common);
        withName.Errors.Select(e => e.Code).Should().Equal(PasswordPolicy.ContainsUserName);
        accepted.Succeeded.Should().BeTrue(string.Join("; ", accepted.Errors.Select(e => e.Description)));
        tooShort.Errors.Select(e => e.Code).Should().Equal(PasswordPolicy.TooShort);
        created.Errors.Select(e => e.Code).Should().Equal(PasswordPolicy.Common);
    }

    [Fact]
    public async Task Identity_s_own_composition_rules_are_off()
    {
        await using var scope = identity.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var user = new ProcurementUser(Guid.CreateVersion7(), "sun.li", "Sun Li / 孙丽", DemoDirectory.CivilAffairsBureau);

        var result = await users.CreateAsync(user, "lowercase words only");

        result.Succeeded.Should().BeTrue("no digit, capital or symbol is required: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    private static List<string> Codes(string userName, string password) =>
        [.. PasswordPolicy.Check(userName, password).Select(e => e.Code)];
}
