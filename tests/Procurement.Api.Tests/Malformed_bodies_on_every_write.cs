using System.Diagnostics;
using Procurement.Api.Tests.Support;

namespace Procurement.Api.Tests;

/// <summary>
/// The flood: every POST, PUT and PATCH of the OpenAPI document gets generated malformed bodies, sent with the token
/// of a caller the endpoint's authorization lets in, so that the body is what is judged. The bodies are a fixed set
/// per operation (at most 150 field variations each), about 2,000 requests: some 20 s on a busy machine.
/// </summary>
[Collection(ApiPlatformCollection.Name)]
public sealed class Malformed_bodies_on_every_write(ApiPlatform platform)
{
    [Fact]
    public async Task Are_refused_with_a_ProblemDetails_and_never_answered_5xx()
    {
        var writes = Operations.All(platform.OpenApi).Where(o => o.Method is "POST" or "PUT" or "PATCH").ToList();
        writes.Should().HaveCountGreaterThan(30);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var random = new Random(7);

        foreach (var operation in writes)
        {
            var endpoint = platform.EndpointOf(operation.Method, operation.Path);
            Caller? actor = null;
            foreach (var candidate in platform.Callers.Where(c => !c.IsAnonymous))
            {
                if (await platform.MayActAsync(endpoint, candidate))
                {
                    actor = candidate;
                    break;
                }
            }

            actor.Should().NotBeNull($"someone may act on {operation}");
            using var client = platform.CreateClient(actor!);
            foreach (var body in MalformedBodies.For(platform.OpenApi, operation, maxFieldVariations: 150))
            {
                var path = Operations.Fill(operation.Path, platform, _ => Operations.RandomId(random));
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative))
                {
                    Content = body.ToContent(),
                };
                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var what = $"{operation.Method} {path} as {actor} with {body}: {status}";
                if (status >= 500)
                {
                    failures.Add($"{what} {Every_operation_for_every_caller.Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{what} without ProblemDetails ({response.Content.Headers.ContentType})");
                }
            }
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty($"{sent} malformed requests in {clock.Elapsed.TotalSeconds:0.0} s");
        sent.Should().BeGreaterThan(1000);
    }
}
