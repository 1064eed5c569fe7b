using k8s;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>Loads the manifests under k8s/ the way kustomize would find them, without a cluster.</summary>
internal static class Manifests
{
    public const string SecretName = "procurement-secrets";

    public const string ConfigMapName = "procurement-config";

    /// <summary>The six services, each with its own database, and what ASP.NET Core calls its connection string.</summary>
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        ["identity"] = "Identity",
        ["tendering"] = "Tendering",
        ["bidding"] = "Bidding",
        ["evaluation"] = "Evaluation",
        ["contracting"] = "Contracting",
        ["disbursement"] = "Disbursement",
    };

    /// <summary>The web portal: a host of its own behind the gateway, with no database and no broker.</summary>
    public const string Portal = "portal";

    public static readonly IReadOnlyList<string> Workloads = [.. Services.Keys, Portal, "gateway"];

    /// <summary>The gateway's backends: the six services and the portal.</summary>
    public static readonly IReadOnlyList<string> GatewayClusters = [.. Services.Keys, Portal];

    /// <summary>The keys k8s/README.md tells an operator to put in the Secret; nothing may ask for another.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(
    [
        "rabbitmq-username",
        "rabbitmq-password",
        "sqlserver-sa-password",
        "auth-signing-key",
        "auth-signing-public-key",
        "auth-encryption-key",
        "bidding-id-number-pepper",
        "bidding-sealing-key",
        "contracting-signing-key",
        "smtp-username",
        "smtp-password",
        .. Services.Keys.Select(service => $"connection-{service}"),
    ]);

    public static string Folder => RepoRoot.PathTo("k8s");

    public static string BaseFolder => RepoRoot.PathTo("k8s", "base");

    public static string SingleNodeFolder => RepoRoot.PathTo("k8s", "overlays", "single-node");

    private static readonly Lazy<IReadOnlyList<Manifest>> BaseResources = new(() => ResourcesOf(BaseFolder));

    /// <summary>Every object the base kustomization lists, with the file it came from.</summary>
    public static IReadOnlyList<Manifest> Base => BaseResources.Value;

    public static IEnumerable<string> YamlFiles() =>
        System.IO.Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal);

    public static bool IsKustomization(string file) =>
        Path.GetFileName(file) is "kustomization.yaml" or "kustomization.yml";

    /// <summary>Every Kubernetes object in every file under k8s/ other than the kustomizations (patches included).</summary>
    public static IEnumerable<Manifest> AllObjects() =>
        YamlFiles().Where(file => !IsKustomization(file)).SelectMany(Load);

    public static IEnumerable<Kustomization> AllKustomizations() =>
        YamlFiles().Where(IsKustomization).Select(file => Kustomization.Load(Path.GetDirectoryName(file)!));

    /// <summary>Strict: an unknown field (a typo, a field at the wrong depth) fails the load.</summary>
    public static IReadOnlyList<Manifest> Load(string file) =>
        [.. KubernetesYaml.LoadAllFromString(File.ReadAllText(file), strict: true)
            .Select(document => new Manifest(file, (IKubernetesObject<V1ObjectMeta>)document))];

    /// <summary>The objects a kustomization's resources list brings in, following folders into their kustomizations.</summary>
    public static IReadOnlyList<Manifest> ResourcesOf(string folder)
    {
        var kustomization = Kustomization.Load(folder);
        return
        [
            .. kustomization.Resources.SelectMany(resource =>
            {
                var path = kustomization.PathOf(resource);
                return System.IO.Directory.Exists(path) ? ResourcesOf(path) : Load(path);
            }),
        ];
    }

    public static IEnumerable<T> OfKind<T>(this IEnumerable<Manifest> manifests) =>
        manifests.Select(manifest => manifest.Object).OfType<T>();

    public static V1Deployment Deployment(string name) =>
        Base.OfKind<V1Deployment>().Should().ContainSingle(deployment => deployment.Metadata.Name == name,
            $"the base should have one Deployment named {name}").Subject;

    /// <summary>Every pod template in the given objects (Deployments and StatefulSets), named by its owner.</summary>
    public static IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates(this IEnumerable<Manifest> manifests)
    {
        foreach (var manifest in manifests)
        {
            switch (manifest.Object)
            {
                case V1Deployment { Spec.Template: { } template } deployment:
                    yield return ($"Deployment/{deployment.Metadata.Name}", template);
                    break;
                case V1StatefulSet { Spec.Template: { } template } statefulSet:
                    yield return ($"StatefulSet/{statefulSet.Metadata.Name}", template);
                    break;
            }
        }
    }

    /// <summary>Every container (init containers too) in the given objects' pod templates.</summary>
    public static IEnumerable<(string Owner, V1Container Container)> Containers(this IEnumerable<Manifest> manifests) =>
        manifests.PodTemplates().SelectMany(pod =>
            (pod.Template.Spec?.InitContainers ?? []).Concat(pod.Template.Spec?.Containers ?? [])
                .Select(container => (pod.Owner, container)));

    public static V1EnvVar? EnvVar(this V1Container container, string name) =>
        container.Env?.SingleOrDefault(env => env.Name == name);
}

internal sealed record Manifest(string File, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;

    public string Name => Object.Metadata?.Name ?? "";

    public override string ToString() => $"{Kind}/{Name} in {Path.GetRelativePath(RepoRoot.Directory.FullName, File)}";
}
