using System.Text.Json;
using FluentAssertions.Execution;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>
/// The web portal (issue 13) in the manifests: a Deployment and Service beside the services, reached only through the
/// gateway's catch-all route, signing in at the public address Identity issues tokens for, with one replica because a
/// Blazor circuit and the person's tokens live in the memory of one pod.
/// </summary>
public sealed class The_portal_in_kubernetes
{
    private static V1Container Container => Manifests.Deployment(Manifests.Portal).Spec.Template.Spec.Containers.Single();

    private static IDictionary<string, string> Config =>
        Manifests.Base.OfKind<V1ConfigMap>().Single(map => map.Metadata.Name == Manifests.ConfigMapName).Data;

    [Fact]
    public void It_has_no_database_and_no_broker_and_only_the_public_half_of_the_signing_key()
    {
        using var scope = new AssertionScope();
        Container.Env.Should().NotContain(env => env.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Container.Env.Should().NotContain(env => env.Name.StartsWith("Messaging__", StringComparison.Ordinal));
        Container.EnvVar("Auth__SigningKey")?.ValueFrom?.SecretKeyRef?.Key.Should().Be("auth-signing-public-key");
    }

    [Fact]
    public void It_signs_in_at_the_issuer_and_identity_accepts_its_redirect_uris_there_in_the_base_and_the_overlay()
    {
        var overlay = Manifests.Load(Path.Combine(Manifests.SingleNodeFolder, "patches", "config-issuer.yaml"))
            .Select(manifest => manifest.Object).OfType<V1ConfigMap>().Single().Data;

        using var scope = new AssertionScope();
        foreach (var (name, data) in new[] { ("base", Config), ("single-node overlay", overlay) })
        {
            var issuer = data["Auth__Issuer"];
            issuer.Should().EndWith("/", name);
            data.Should().Contain("Portal__Authority", issuer, $"the {name} portal signs in where tokens are issued");
            data.Should().Contain("Identity__Portal__RedirectUris", issuer + "signin-oidc", $"the {name} portal's sign-in callback is at the public address");
            data.Should().Contain("Identity__Portal__PostLogoutRedirectUris", issuer + "signout-callback-oidc", name);
        }
    }

    [Fact]
    public void It_calls_the_api_through_the_gateway_service()
    {
        var address = new Uri(Container.EnvVar("Portal__ApiBaseAddress")!.Value);
        var gateway = Manifests.Base.OfKind<V1Service>().Single(service => service.Metadata.Name == "gateway");

        address.Host.Should().Be("gateway");
        gateway.Spec.Ports.Should().Contain(port => port.Port == address.Port);
    }

    [Fact]
    public void It_runs_one_replica_because_a_blazor_circuit_lives_in_one_pod()
    {
        // Service affinity by client address would not help: the portal's clients are the gateway's pods, not the browsers.
        Manifests.Deployment(Manifests.Portal).Spec.Replicas.Should().Be(1,
            "more replicas need every request of a browser to reach the pod holding its circuit and tokens");
    }

    [Fact]
    public void It_trusts_the_forwarded_scheme_so_its_redirect_uri_is_https_behind_the_ingress()
    {
        Container.EnvVar("ASPNETCORE_FORWARDEDHEADERS_ENABLED")?.Value.Should().Be("true");
    }

    [Fact]
    public void The_gateway_sends_every_path_but_the_platforms_to_the_portal_last_with_the_browsers_host()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepoRoot.PathTo("gateway", "Procurement.Gateway", "appsettings.json")));
        var routes = settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject()
            .ToDictionary(route => route.Name, route => route.Value);

        var portalRoutes = routes.Where(route => route.Value.GetProperty("ClusterId").GetString() == Manifests.Portal).ToList();
        var catchAll = portalRoutes.Should().ContainSingle(route => route.Value.GetProperty("Match").GetProperty("Path").GetString() == "/{**catch-all}").Subject;

        using var scope = new AssertionScope();
        catchAll.Value.GetProperty("Order").GetInt32().Should().BeGreaterThan(0, "every other route wins over the catch-all");
        foreach (var (name, route) in portalRoutes)
        {
            route.GetProperty("AuthorizationPolicy").GetString().Should().Be("anonymous", $"{name}: the portal signs people in itself");
            var keepsHost = route.GetProperty("Transforms").EnumerateArray()
                .Select(transform => transform.TryGetProperty("RequestHeaderOriginalHost", out var value) ? value.GetString() : null);
            keepsHost.Should().Contain("true", $"{name}: the portal's redirect URI names the host the browser used");
        }
    }
}
