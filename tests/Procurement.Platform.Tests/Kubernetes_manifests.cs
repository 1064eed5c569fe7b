using FluentAssertions.Execution;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>The files under k8s/ parse, hang together, and hold every workload the platform runs.</summary>
public class Kubernetes_manifests
{
    public static TheoryData<string> Workloads => [.. Manifests.Workloads];

    [Fact]
    public void Every_yaml_file_loads_as_kubernetes_objects_or_as_a_kustomization()
    {
        var files = Manifests.YamlFiles().ToList();
        files.Should().NotBeEmpty();

        using var scope = new AssertionScope();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepoRoot.Directory.FullName, file);
            if (Manifests.IsKustomization(file))
            {
                var load = () => Kustomization.Load(Path.GetDirectoryName(file)!);
                var kustomization = load.Should().NotThrow($"{relative} should be valid YAML").Subject;
                kustomization.Kind.Should().Be("Kustomization", $"{relative} is a kustomization");
                continue;
            }

            var objects = FluentActions.Invoking(() => Manifests.Load(file))
                .Should().NotThrow($"{relative} should load with KubernetesYaml.LoadAllFromString").Subject;
            objects.Should().NotBeEmpty($"{relative} should hold at least one object");
            objects.Should().OnlyContain(
                manifest => !string.IsNullOrEmpty(manifest.Object.Kind) && !string.IsNullOrEmpty(manifest.Name),
                $"every object in {relative} needs a kind and a name");
        }
    }

    [Fact]
    public void Every_file_a_kustomization_lists_exists()
    {
        using var scope = new AssertionScope();
        foreach (var kustomization in Manifests.AllKustomizations())
        {
            foreach (var resource in kustomization.Resources)
            {
                var path = kustomization.PathOf(resource);
                var exists = File.Exists(path) || File.Exists(Path.Combine(path, "kustomization.yaml"));
                exists.Should().BeTrue($"{kustomization.Folder} lists the resource {resource}");
            }

            foreach (var patch in kustomization.Patches)
            {
                (patch.Path is not null || patch.Patch is not null).Should().BeTrue(
                    $"a patch in {kustomization.Folder} needs a path or an inline patch");
                if (patch.Path is not null)
                {
                    File.Exists(kustomization.PathOf(patch.Path)).Should().BeTrue(
                        $"{kustomization.Folder} lists the patch {patch.Path}");
                }
            }

            // The deprecated fields would be read by kustomize but skipped by these checks.
            kustomization.PatchesStrategicMerge.Should().BeEmpty("patches go under `patches`");
            kustomization.PatchesJson6902.Should().BeEmpty("patches go under `patches`");
        }
    }

    [Fact]
    public void Every_manifest_file_is_listed_by_a_kustomization()
    {
        var kustomizations = Manifests.AllKustomizations().ToList();
        var listed = kustomizations
            .SelectMany(kustomization => kustomization.Resources.Select(kustomization.PathOf)
                .Concat(kustomization.Patches.Where(patch => patch.Path is not null)
                    .Select(patch => kustomization.PathOf(patch.Path!))))
            .ToHashSet(StringComparer.Ordinal);

        var manifests = Manifests.YamlFiles().Where(file => !Manifests.IsKustomization(file));

        manifests.Should().OnlyContain(file => listed.Contains(Path.GetFullPath(file)),
            "a manifest no kustomization lists is never applied");
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void The_base_has_a_deployment_and_a_service_for_each_workload(string name)
    {
        var deployment = Manifests.Deployment(name);
        var service = Manifests.Base.OfKind<V1Service>().Should()
            .ContainSingle(service => service.Metadata.Name == name, $"the base should have one Service named {name}").Subject;

        using var scope = new AssertionScope();
        foreach (var labels in new[] { deployment.Metadata.Labels, deployment.Spec.Template.Metadata.Labels, service.Metadata.Labels })
        {
            labels.Should().Contain("app.kubernetes.io/name", name);
            labels.Should().Contain("app.kubernetes.io/part-of", "procurement");
        }

        var container = deployment.Spec.Template.Spec.Containers.Should().ContainSingle().Subject;
        container.Image.Should().Be($"procurement/{name}:latest");
        container.Ports.Should().ContainSingle(port => port.Name == "http" && port.ContainerPort == 8080);

        (service.Spec.Type ?? "ClusterIP").Should().Be("ClusterIP", "the workloads are reached only inside the cluster or through the ingress");
        var servicePort = service.Spec.Ports.Should().ContainSingle().Subject;
        servicePort.Port.Should().Be(80);
        servicePort.TargetPort.Value.Should().Be("http");
    }

    [Fact]
    public void Every_service_selects_the_pods_of_a_deployment_or_statefulset_that_exists()
    {
        var pods = Manifests.Base.PodTemplates().ToList();
        var services = Manifests.Base.OfKind<V1Service>().ToList();
        services.Should().NotBeEmpty();

        using var scope = new AssertionScope();
        foreach (var service in services)
        {
            service.Spec.Selector.Should().NotBeNullOrEmpty($"Service {service.Metadata.Name} must select pods");
            var selected = pods.Where(pod => Selects(service.Spec.Selector, pod.Template.Metadata.Labels)).ToList();
            selected.Should().NotBeEmpty($"Service {service.Metadata.Name} should select the pods of a workload");

            // A named targetPort only works if the selected container has a port of that name.
            foreach (var port in service.Spec.Ports.Where(port => port.TargetPort?.Value is { } value && !int.TryParse(value, out _)))
            {
                selected.Should().OnlyContain(
                    pod => pod.Template.Spec.Containers.Any(container =>
                        container.Ports != null && container.Ports.Any(containerPort => containerPort.Name == port.TargetPort.Value)),
                    $"Service {service.Metadata.Name} targets the port named {port.TargetPort.Value}");
            }
        }

        foreach (var deployment in Manifests.Base.OfKind<V1Deployment>())
        {
            Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels).Should()
                .BeTrue($"Deployment {deployment.Metadata.Name}'s selector must match its own pods");
        }

        foreach (var statefulSet in Manifests.Base.OfKind<V1StatefulSet>())
        {
            Selects(statefulSet.Spec.Selector.MatchLabels, statefulSet.Spec.Template.Metadata.Labels).Should()
                .BeTrue($"StatefulSet {statefulSet.Metadata.Name}'s selector must match its own pods");
        }
    }

    [Fact]
    public void The_ingress_sends_everything_to_the_gateway_service()
    {
        var ingress = Manifests.Base.OfKind<V1Ingress>().Should().ContainSingle(ingress => ingress.Metadata.Name == "gateway").Subject;
        var gateway = Manifests.Base.OfKind<V1Service>().Single(service => service.Metadata.Name == "gateway");

        var path = ingress.Spec.Rules.Should().ContainSingle().Subject.Http.Paths.Should().ContainSingle().Subject;
        path.Path.Should().Be("/");
        path.PathType.Should().Be("Prefix");
        path.Backend.Service.Name.Should().Be("gateway");
        gateway.Spec.Ports.Should().Contain(port => port.Name == path.Backend.Service.Port.Name);
        ingress.Spec.Tls.Should().NotBeNullOrEmpty("TLS terminates at the ingress");
    }

    internal static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null
        && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
