using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Procurement.Platform.Tests;

/// <summary>The manifests are written by hand; these tests fail when the code and they drift apart.</summary>
public sealed class Manifests_and_code_agree
{
    [Fact]
    public void Every_host_project_under_services_has_a_deployment_and_every_deployment_a_project()
    {
        // A host is a web project (the libraries — ServiceDefaults, the portal's generated client — run in no pod of
        // their own); the Standalone host is the embedded mode, never deployed.
        var hosts = Directory.EnumerateDirectories(RepoRoot.PathTo("services"), "Procurement.*")
            .Where(folder => Directory.EnumerateFiles(folder, "*.csproj")
                .Any(project => File.ReadAllText(project).Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .Select(name => name!["Procurement.".Length..].ToLowerInvariant())
            .Where(name => name is not "standalone");

        hosts.Should().BeEquivalentTo([.. Manifests.Services.Keys, Manifests.Portal]);
        foreach (var host in hosts)
        {
            Manifests.Deployment(host).Spec.Template.Spec.Containers.Should().ContainSingle(
                container => container.Image == $"procurement/{host}:latest", $"the {host} Deployment runs the {host} project's image");
        }
    }

    [Fact]
    public void The_gateways_clusters_in_code_are_the_ones_the_manifest_addresses()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepoRoot.PathTo("gateway", "Procurement.Gateway", "appsettings.json")));
        var clusters = settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().ToList();

        clusters.Select(c => c.Name).Should().BeEquivalentTo(Manifests.GatewayClusters);
        var env = Manifests.Deployment("gateway").Spec.Template.Spec.Containers.Single().Env.Select(e => e.Name).ToHashSet();
        foreach (var cluster in clusters)
        {
            var destinations = cluster.Value.GetProperty("Destinations").EnumerateObject().Select(d => d.Name);
            destinations.Should().Equal(["primary"], "the manifest overrides the destination named primary");
            env.Should().Contain($"ReverseProxy__Clusters__{cluster.Name}__Destinations__primary__Address");
        }
    }

    [Fact]
    public void Every_service_reads_the_connection_string_its_module_asks_for()
    {
        foreach (var (service, connectionName) in Manifests.Services)
        {
            var module = Directory.EnumerateFiles(RepoRoot.PathTo("services", $"Procurement.{connectionName}"), "*Module.cs").Single();
            File.ReadAllText(module).Should().Contain($"(\"{connectionName}\")",
                $"{Path.GetFileName(module)} registers its database under the connection string name the manifest sets");
            var env = Manifests.Deployment(service).Spec.Template.Spec.Containers.Single().Env.Select(e => e.Name);
            env.Should().Contain($"ConnectionStrings__{connectionName}");
        }
    }
}
