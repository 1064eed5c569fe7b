using System.Diagnostics;
using System.Net;
using System.Text;
using Procurement.Api.Tests.Support;

namespace Procurement.Api.Tests;

/// <summary>
/// The matrix: every operation of the OpenAPI document × every caller (anonymous, each role's demo user, the machine
/// client), with route ids that exist and ids that do not. Who may act is read from each endpoint's authorization
/// metadata, combined as the authorization middleware combines it.
/// </summary>
[Collection(ApiPlatformCollection.Name)]
public sealed class Every_operation_for_every_caller(ApiPlatform platform)
{
    [Fact]
    public async Task Answers_no_5xx_anywhere_no_2xx_where_the_caller_may_not_act_and_refuses_them_before_looking_at_the_request()
    {
        var operations = Operations.All(platform.OpenApi);
        operations.Should().HaveCountGreaterThan(50, "the document lists the whole API");
        var random = new Random(12);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;

        foreach (var operation in operations)
        {
            var endpoint = platform.EndpointOf(operation.Method, operation.Path);
            foreach (var caller in platform.Callers)
            {
                var mayAct = await platform.MayActAsync(endpoint, caller);
                var path = Operations.Fill(operation.Path, platform, _ => Operations.RandomId(random));
                using var client = platform.CreateClient(caller);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative));
                if (operation.TakesJson && operation.BodySchema is { } schema)
                {
                    request.Content = new StringContent(
                        Operations.Sample(platform.OpenApi, schema)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var what = $"{operation.Method} {path} as {caller}: {status}";
                if (status >= 500)
                {
                    failures.Add($"{what} (5xx) {Shorten(body)}");
                }
                else if (!mayAct && status < 300)
                {
                    failures.Add($"{what} (2xx where the caller may not act)");
                }
                else if (!mayAct && status != (caller.IsAnonymous ? 401 : 403))
                {
                    failures.Add($"{what} (expected {(caller.IsAnonymous ? 401 : 403)} before anything else) {Shorten(body)}");
                }

                if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{what} (a refusal without ProblemDetails: {response.Content.Headers.ContentType})");
                }
            }
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty($"{sent} calls in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Ids_that_do_not_exist_are_answered_4xx_for_the_callers_who_may_act()
    {
        var failures = new List<string>();
        foreach (var operation in Operations.All(platform.OpenApi).Where(o => o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var endpoint = platform.EndpointOf(operation.Method, operation.Path);
            foreach (var caller in platform.Callers.Where(c => !c.IsAnonymous))
            {
                if (!await platform.MayActAsync(endpoint, caller))
                {
                    continue;
                }

                var path = Operations.Fill(operation.Path.Replace("{tenderId", "{other", StringComparison.Ordinal)
                        .Replace("{programId", "{other", StringComparison.Ordinal).Replace("{id}", "{unknown}", StringComparison.Ordinal),
                    platform, name => name is "year" ? "2027" : Guid.NewGuid().ToString());
                using var client = platform.CreateClient(caller);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative));
                if (operation.TakesJson && operation.BodySchema is { } schema)
                {
                    request.Content = new StringContent(
                        Operations.Sample(platform.OpenApi, schema)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{operation.Method} {path} as {caller}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    internal static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
