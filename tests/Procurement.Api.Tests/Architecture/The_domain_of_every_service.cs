using System.Reflection;
using Procurement.ServiceDefaults.Problems;
using Procurement.Testing;

namespace Procurement.Api.Tests.Architecture;

/// <summary>
/// The domain throws no HTTP (issue 16 item 13): in every service, no type of its domain (a namespace with a <c>Domain</c>
/// segment: <c>Procurement.Bidding.Domain.Bids</c>, <c>Procurement.Evaluation.Awards.Domain</c>,
/// <c>Procurement.Contracting.Continuity.Domain</c>…) names a type of <c>Microsoft.AspNetCore.Http*</c> or of
/// <c>Procurement.ServiceDefaults.Problems</c>, in a signature or in a method body. The domain refuses with a rule code
/// (<c>Procurement.Rules.Refusals</c>); the endpoint layer gives it its status.
/// </summary>
public sealed class The_domain_of_every_service
{
    private const string ProblemsNamespace = "Procurement.ServiceDefaults.Problems";

    public static TheoryData<string> Services { get; } =
        ["Procurement.Tendering", "Procurement.Bidding", "Procurement.Evaluation", "Procurement.Contracting", "Procurement.Disbursement", "Procurement.Identity"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Names_no_HTTP_type_and_no_problem_type(string service)
    {
        var domain = Assembly.Load(service).GetTypes().Where(InDomain).ToList();

        domain.Should().NotBeEmpty();
        domain.SelectMany(HttpReferences).Should().BeEmpty("the domain refuses with a rule code and the endpoints map it to a status");
    }

    [Fact]
    public void Is_told_apart_by_a_check_that_sees_HTTP_in_bodies_and_signatures()
    {
        // The other side: the endpoints, outside the domain, do speak HTTP, and the same check finds it, in bodies (a 403
        // thrown, a request validated) as in signatures (an HttpContext taken).
        var tendering = Assembly.Load("Procurement.Tendering").GetTypes()
            .Where(t => (t.Namespace ?? "").StartsWith("Procurement.Tendering.Endpoints", StringComparison.Ordinal))
            .SelectMany(HttpReferences)
            .ToList();

        tendering.Should().Contain(r => r.Contains(nameof(ForbiddenException), StringComparison.Ordinal) && r.Contains(" uses ", StringComparison.Ordinal));
        tendering.Should().Contain(r => r.Contains(" takes Microsoft.AspNetCore.Http.HttpContext", StringComparison.Ordinal));
    }

    private static bool InDomain(Type type) => (type.Namespace ?? "").Split('.').Contains("Domain");

    private static bool SpeaksHttp(Type type) =>
        type.Namespace is { } name
        && (name == ProblemsNamespace || name == "Microsoft.AspNetCore.Http" || name.StartsWith("Microsoft.AspNetCore.Http.", StringComparison.Ordinal));

    private static IEnumerable<string> HttpReferences(Type type) => TypeReferences.Into(type, SpeaksHttp, ProblemsNamespace);
}
