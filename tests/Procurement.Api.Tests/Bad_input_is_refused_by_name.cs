using System.Net;
using System.Text;
using System.Text.Json;
using Procurement.Api.Tests.Support;
using Procurement.Testing.Platform;

namespace Procurement.Api.Tests;

/// <summary>The causes of the 500s an outside tester found, each answered with a ProblemDetails that names what is wrong.</summary>
[Collection(ApiPlatformCollection.Name)]
public sealed class Bad_input_is_refused_by_name(ApiPlatform platform)
{
    private static readonly string ProgramBody =
        """{"name":"Home care, Street Y","region":"Demo District","serviceDomain":"Elderly","activeFrom":"2027-01-01"}""";

    [Fact]
    public async Task An_unknown_charset_is_415()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs", ProgramBody, "application/json; charset=foo");

        answer.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        answer.Problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:unsupported_charset");
        answer.Problem.GetProperty("detail").GetString().Should().Contain("foo").And.Contain("UTF-8");
    }

    [Fact]
    public async Task A_body_in_UTF_8_declared_as_such_is_accepted()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs", ProgramBody, "application/json; charset=UTF-8");

        answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
    }

    [Fact]
    public async Task Null_inside_an_array_is_400_naming_the_item()
    {
        var answer = await SendAsync("agency1", HttpMethod.Post, "/api/bids", $$$"""
            {"tenderId":"{{{platform.TenderId}}}","content":{"price":400000,"costs":{"personnel":300000,"activities":50000,"administration":30000,"other":20000},
             "staffing":[null],"technicalProposal":"Plan"}}
            """);

        answer.ShouldNameField("content.staffing[0]", "null_item");
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_400_naming_the_field_and_the_allowed_names()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs",
            """{"name":"Home care, Street Z","region":"Demo District","serviceDomain":1,"activeFrom":"2027-01-01"}""");

        var message = answer.ShouldNameField("serviceDomain", "one_of");
        message.Should().Contain("Elderly").And.Contain("ChildrenAndYouth");
    }

    [Fact]
    public async Task A_procurement_method_sent_as_a_number_is_never_stored_nor_is_an_unknown_condition_in_a_list()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/tenders", $$$"""
            {"programId":"{{{platform.ProgramId}}}","title":"Elder care","budgetCeiling":480000,"bidDeadline":"2027-01-10T17:00:00+08:00",
             "serviceStart":"2027-02-01","serviceEnd":"2028-01-31","procurementMethod":9,
             "paymentSchedule":{"instalments":[{"percent":100,"condition":"Whenever"}]}}
            """);

        answer.ShouldNameField("procurementMethod", "one_of").Should().Contain("PublicTender");
        answer.ShouldNameField("paymentSchedule.instalments[0].condition", "one_of").Should().Contain("Activation");
    }

    [Fact]
    public async Task A_bid_without_its_tender_is_400_naming_tenderId()
    {
        var answer = await SendAsync("agency1", HttpMethod.Post, "/api/bids", """
            {"content":{"price":400000,"costs":{"personnel":300000,"activities":50000,"administration":30000,"other":20000},
             "staffing":[],"technicalProposal":"Plan"}}
            """);

        answer.ShouldNameField("tenderId", "required");
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_400_saying_so()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs",
            """{"name":"Home care, Street W","region":"Demo District","serviceDomain":"Elderly","activeFrom":"2027-02-30"}""");

        var message = answer.ShouldNameField("activeFrom", "date_not_exist");
        message.Should().Contain("2027-02-30").And.Contain("does not exist");
    }

    [Fact]
    public async Task A_key_sent_twice_is_400_naming_it()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs",
            """{"name":"Home care, Street V","region":"Demo District","serviceDomain":"Elderly","activeFrom":"2027-01-01","name":"Other"}""");

        answer.ShouldNameField("name", "duplicate_key");
    }

    [Theory]
    [InlineData("Home care\u0000", "control_characters_single_line")]
    [InlineData("Home care\nStreet U", "control_characters_single_line")]
    [InlineData("Home\u0085care", "control_characters_single_line")]
    public async Task A_name_with_a_control_character_is_400_naming_it(string name, string rule)
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs",
            $$"""{"name":{{JsonSerializer.Serialize(name)}},"region":"Demo District","serviceDomain":"Elderly","activeFrom":"2027-01-01"}""");

        answer.ShouldNameField("name", rule);
    }

    [Fact]
    public async Task A_long_text_may_hold_line_breaks_and_tabs_but_no_other_control_character()
    {
        var question = $"/api/tenders/{await platform.PublishTenderAsync()}/questions";

        var paragraphs = await SendAsync("agency1", HttpMethod.Post, question, """{"text":"Two questions:\n\t1. staffing\r\n\t2. budget"}""");
        var bell = await SendAsync("agency1", HttpMethod.Post, question, """{"text":"Ring \u0007 the bell"}""");

        paragraphs.Status.Should().Be(HttpStatusCode.Created, paragraphs.Body);
        bell.ShouldNameField("text", "control_characters");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var answer = await SendAsync("purchaser", HttpMethod.Post, "/api/programs",
            """{"name":"Bad\u0001","region":"Demo District","serviceDomain":3,"activeFrom":"2027-02-29"}""");

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("name", "serviceDomain", "activeFrom");
    }

    [Fact]
    public async Task The_machine_client_is_told_it_has_no_organisation()
    {
        var reading = await SendAsync("machine", HttpMethod.Get, "/api/programs");
        var writing = await SendAsync("machine", HttpMethod.Post, "/api/programs", ProgramBody);

        foreach (var answer in new[] { reading, writing })
        {
            answer.Status.Should().Be(HttpStatusCode.Forbidden, answer.Body);
            answer.Problem.GetProperty("rule").GetString().Should().Be("organisation_required");
            answer.Problem.GetProperty("detail").GetString().Should().Contain("organisation");
        }
    }

    [Fact]
    public async Task A_role_that_may_not_act_is_told_which_roles_may()
    {
        var answer = await SendAsync("treasury", HttpMethod.Post, "/api/programs", ProgramBody);

        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.Problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:forbidden");
        answer.Problem.GetProperty("rule").GetString().Should().Be("role_required");
        answer.Problem.GetProperty("detail").GetString().Should().Contain("purchaser");
    }

    [Theory]
    [InlineData("/api/programs", "this is not json")]
    [InlineData("/api/tenders", """{"programId":"nope","title":1}""")]
    [InlineData("/api/contracts/{random}/sign", "{}")]
    [InlineData("/api/evaluations/tenders/{tender}/bids/{random}/compliance", """{"eligible":"maybe"}""")]
    [InlineData("/api/evaluations/tenders/{tender}/bids/{random}/sheets", "[1,2")]
    [InlineData("/api/contracts/notifications/{random}/read", "")]
    public async Task An_auditors_write_is_403_whatever_the_body_and_the_ids(string path, string body)
    {
        var filled = path.Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{tender}", platform.TenderId.ToString(), StringComparison.Ordinal);

        var answer = await SendAsync("auditor", HttpMethod.Post, filled, body);

        answer.Status.Should().Be(HttpStatusCode.Forbidden, answer.Body);
        answer.Problem.GetProperty("rule").GetString().Should().Be("role_required");
    }

    [Fact]
    public async Task A_refusal_to_a_caller_that_accepts_no_JSON_keeps_its_status_and_says_why_in_plain_text()
    {
        var missing = Guid.NewGuid();
        var answer = await SendAsync("purchaser", HttpMethod.Get, $"/api/tenders/{missing}", accept: "text/html");

        answer.Status.Should().Be(HttpStatusCode.NotFound, answer.Body);
        answer.MediaType.Should().Be("text/plain");
        answer.Body.Should().Contain(missing.ToString());
    }

    private async Task<Answer> SendAsync(
        string caller, HttpMethod method, string path, string? body = null, string contentType = "application/json", string? accept = null)
    {
        using var client = platform.CreateClient(platform.Caller(caller));
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Body)
    {
        public JsonElement Problem
        {
            get
            {
                MediaType.Should().Be("application/problem+json", Body);
                return JsonDocument.Parse(Body).RootElement;
            }
        }

        /// <summary>Asserts a 400 that names <paramref name="field"/> with <paramref name="rule"/>; returns its message.</summary>
        public string ShouldNameField(string field, string rule)
        {
            Status.Should().Be(HttpStatusCode.BadRequest, Body);
            var violation = Problem.GetProperty("violations").EnumerateArray()
                .FirstOrDefault(v => v.GetProperty("field").GetString() == field);
            violation.ValueKind.Should().Be(JsonValueKind.Object, $"{field} is named in {Body}");
            violation.GetProperty("rule").GetString().Should().Be(rule, Body);
            return violation.GetProperty("message").GetString()!;
        }
    }
}
