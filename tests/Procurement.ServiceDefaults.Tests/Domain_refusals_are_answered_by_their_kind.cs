using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// The domain refuses with a kind and a rule code (Procurement.Rules.Refusals), no status; the endpoint layer's exception
/// handler gives each kind its status and writes the same ProblemDetails the services have always answered: type
/// <c>urn:procurement:problem:&lt;code&gt;</c>, the status's title, the code's text in the caller's language, <c>rule</c>,
/// <c>field</c> and the refusal's extra members; several fields at once with <c>errors</c> and <c>violations</c>.
/// </summary>
public sealed class Domain_refusals_are_answered_by_their_kind
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RefusalKind.RuleBroken, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(RefusalKind.Conflict, StatusCodes.Status409Conflict)]
    [InlineData(RefusalKind.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(RefusalKind.NotPermitted, StatusCodes.Status403Forbidden)]
    public void Each_kind_has_its_status(RefusalKind kind, int status) => ProblemDetailsExtensions.StatusOf(kind).Should().Be(status);

    [Fact]
    public void A_broken_rule_is_a_422_with_its_code_field_text_and_extra_members_in_English_and_Chinese()
    {
        Refusal Refusal()
        {
            var refusal = new RuleViolationException("registration_date_in_future", "registrationDate", new FieldName("registrationDate"), new DateOnly(2026, 11, 26));
            refusal.Extensions["reasons"] = new[] { "one", "two" };
            return refusal;
        }

        var english = In("en", () => ProblemDetailsExtensions.ToProblemDetails(Refusal()));
        var chinese = In("zh-CN", () => ProblemDetailsExtensions.ToProblemDetails(Refusal()));

        english.Status.Should().Be(StatusCodes.Status422UnprocessableEntity);
        english.Type.Should().Be("urn:procurement:problem:registration_date_in_future");
        english.Title.Should().Be("A business rule refused the request.");
        english.Detail.Should().Be("Registration date must not be after today (2026-11-26, Beijing time).");
        english.Extensions["rule"].Should().Be("registration_date_in_future");
        english.Extensions["field"].Should().Be("registrationDate");
        english.Extensions["reasons"].Should().BeEquivalentTo(new[] { "one", "two" });
        chinese.Title.Should().Be("业务规则拒绝了该请求。");
        chinese.Detail.Should().Be("登记日期不得晚于今天（北京时间 2026-11-26）。");
    }

    [Fact]
    public void A_conflict_is_a_409_without_a_field_and_with_the_states_it_is_allowed_from()
    {
        var conflict = new ConflictException("bidding_closed", Deadline);
        conflict.Extensions["allowedFrom"] = new[] { "Open" };

        var problem = In("en", () => ProblemDetailsExtensions.ToProblemDetails(conflict));

        problem.Status.Should().Be(StatusCodes.Status409Conflict);
        problem.Type.Should().Be("urn:procurement:problem:bidding_closed");
        problem.Title.Should().Be("The request conflicts with the current state.");
        problem.Detail.Should().StartWith("Bidding closed at the deadline, 2026-12-21 10:00 (Beijing time)");
        problem.Extensions["rule"].Should().Be("bidding_closed");
        problem.Extensions.Should().NotContainKey("field");
        problem.Extensions["allowedFrom"].Should().BeEquivalentTo(new[] { "Open" });
        In("zh-CN", () => ProblemDetailsExtensions.ToProblemDetails(conflict)).Detail.Should().Be("投标已于截止时间 2026-12-21 10:00（北京时间） 截止，不再受理投标、提问、答疑或更正。");
    }

    [Fact]
    public void A_thing_not_there_is_a_404_naming_it()
    {
        var id = Guid.NewGuid();

        var problem = In("en", () => ProblemDetailsExtensions.ToProblemDetails(new NotFoundException("Tender", id)));

        problem.Status.Should().Be(StatusCodes.Status404NotFound);
        problem.Type.Should().Be("urn:procurement:problem:resource_not_found");
        problem.Title.Should().Be("Not found.");
        problem.Detail.Should().Be($"Tender {id} was not found.");
        In("zh-CN", () => ProblemDetailsExtensions.ToProblemDetails(new NotFoundException("Tender", id))).Detail.Should().Be($"未找到Tender {id}。");
    }

    [Fact]
    public void A_person_the_domain_does_not_permit_is_a_403_with_the_rule()
    {
        var problem = In("en", () => ProblemDetailsExtensions.ToProblemDetails(new NotPermittedException("forbidden")));

        problem.Status.Should().Be(StatusCodes.Status403Forbidden);
        problem.Type.Should().Be("urn:procurement:problem:forbidden");
        problem.Title.Should().Be("Your role or organisation may not do this.");
        problem.Extensions["rule"].Should().Be("forbidden");
    }

    [Fact]
    public void Fields_that_break_rules_at_once_are_a_422_naming_each_field_and_a_request_of_the_wrong_shape_a_400()
    {
        var errors = new FieldErrors().Add("minimumValidBids", "positive").Add("budgetCeiling", "two_decimals");

        var rules = errors.Invoking(e => e.ThrowIfAnyRuleBroken()).Should().Throw<RulesBrokenException>().Which;
        var shape = errors.Invoking(e => e.ThrowIfAny()).Should().Throw<RequestValidationException>().Which;
        var broken = (HttpValidationProblemDetails)In("zh-CN", () => ProblemDetailsExtensions.ToProblemDetails(rules));
        var malformed = (HttpValidationProblemDetails)In("en", () => ProblemDetailsExtensions.ToProblemDetails(shape));

        broken.Status.Should().Be(StatusCodes.Status422UnprocessableEntity);
        broken.Type.Should().Be("urn:procurement:problem:rule_broken");
        broken.Title.Should().Be("业务规则拒绝了该请求。");
        broken.Errors["budgetCeiling"].Should().Equal("预算上限最多保留两位小数（人民币元）。");
        broken.Extensions["violations"].Should().BeEquivalentTo(new[]
        {
            new { field = "minimumValidBids", rule = "positive" },
            new { field = "budgetCeiling", rule = "two_decimals" },
        });
        malformed.Status.Should().Be(StatusCodes.Status400BadRequest);
        malformed.Type.Should().Be("urn:procurement:problem:validation");
        malformed.Errors["budgetCeiling"].Should().Equal("Budget ceiling must have at most two decimal places (CNY).");
    }

    [Fact]
    public void No_errors_throw_nothing_on_either_side()
    {
        var none = new FieldErrors();

        none.Invoking(e => e.ThrowIfAnyRuleBroken()).Should().NotThrow();
        none.Invoking(e => e.ThrowIfAny()).Should().NotThrow();
    }

    private static ProblemDetails In(string culture, Func<ProblemDetails> answer)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return answer();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
