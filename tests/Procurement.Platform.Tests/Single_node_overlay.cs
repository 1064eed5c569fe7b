using FluentAssertions.Execution;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>k8s/overlays/single-node: the whole base, one replica each, in its own namespace.</summary>
public class Single_node_overlay
{
    private readonly Kustomization overlay = Kustomization.Load(Manifests.SingleNodeFolder);

    [Fact]
    public void It_builds_on_the_base()
    {
        overlay.Resources.Should().Contain("../../base");
        overlay.PathOf("../../base").Should().Be(Path.GetFullPath(Manifests.BaseFolder));
    }

    [Fact]
    public void It_runs_in_its_own_namespace_which_it_creates()
    {
        overlay.Namespace.Should().Be("procurement-trial");
        Manifests.ResourcesOf(Manifests.SingleNodeFolder).OfKind<V1Namespace>()
            .Should().ContainSingle(ns => ns.Metadata.Name == "procurement-trial");
    }

    [Fact]
    public void It_runs_one_replica_of_every_deployment()
    {
        var deployments = Manifests.Base.OfKind<V1Deployment>().Select(deployment => deployment.Metadata.Name);

        overlay.Replicas.Should().OnlyContain(replicas => replicas.Count == 1);
        overlay.Replicas.Select(replicas => replicas.Name).Should().BeEquivalentTo(deployments);
    }

    [Fact]
    public void Every_patch_targets_a_resource_that_exists_in_the_base()
    {
        overlay.Patches.Should().NotBeEmpty();

        using var scope = new AssertionScope();
        foreach (var patch in overlay.Patches)
        {
            if (patch.Target is { } target)
            {
                Manifests.Base.Should().Contain(manifest => Matches(target, manifest),
                    $"the patch targeting {target.Kind}/{target.Name ?? target.LabelSelector} should match a base resource");
            }
            else
            {
                patch.Path.Should().NotBeNull("a patch without a target names its resource in its file");
                if (patch.Path is null)
                {
                    continue;
                }

                // A strategic-merge patch names the resource it changes by kind and name.
                foreach (var patched in Manifests.Load(overlay.PathOf(patch.Path)))
                {
                    Manifests.Base.Should().Contain(
                        manifest => manifest.Kind == patched.Kind && manifest.Name == patched.Name
                            && manifest.Object.ApiVersion == patched.Object.ApiVersion,
                        $"{patch.Path} patches {patched.Object.ApiVersion} {patched.Kind}/{patched.Name}");
                }
            }
        }

        var workloads = Manifests.Base.Where(manifest => manifest.Object is V1Deployment or V1StatefulSet).Select(manifest => manifest.Name);
        overlay.Replicas.Select(replicas => replicas.Name).Should().BeSubsetOf(workloads, "replica counts apply to workloads in the base");
    }

    private static bool Matches(KustomizeTarget target, Manifest manifest)
    {
        var apiVersion = manifest.Object.ApiVersion;
        var (group, version) = apiVersion.Contains('/', StringComparison.Ordinal)
            ? (apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)], apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..])
            : ("", apiVersion);

        return (target.Kind is null || target.Kind == manifest.Kind)
            && (target.Name is null || target.Name == manifest.Name)
            && (target.Group is null || target.Group == group)
            && (target.Version is null || target.Version == version)
            && (target.LabelSelector is null || Kubernetes_manifests.Selects(ParseSelector(target.LabelSelector), manifest.Object.Metadata.Labels))
            && target.AnnotationSelector is null;
    }

    /// <summary>Only equality selectors (`a=b,c=d`); anything else is not matched, so the test fails and says so.</summary>
    private static Dictionary<string, string> ParseSelector(string selector) =>
        selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(term => term.Split('=', 2))
            .Where(parts => parts.Length == 2 && !parts[0].EndsWith('!'))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
}
