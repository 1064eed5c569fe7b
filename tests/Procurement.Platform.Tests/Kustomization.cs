using k8s;

namespace Procurement.Platform.Tests;

/// <summary>
/// The parts of a kustomization.yaml these tests read. Kustomize's own types are Go, so this is a
/// plain shape that <see cref="KubernetesYaml.Deserialize{T}(string, bool)"/> fills (camelCase keys).
/// </summary>
internal sealed class Kustomization
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    public List<string> Resources { get; set; } = [];

    public List<KustomizePatch> Patches { get; set; } = [];

    public List<KustomizeReplicas> Replicas { get; set; } = [];

    public List<object> SecretGenerator { get; set; } = [];

    public List<object> PatchesStrategicMerge { get; set; } = [];

    public List<object> PatchesJson6902 { get; set; } = [];

    /// <summary>The folder the kustomization.yaml is in; paths in it are relative to this.</summary>
    public string Folder { get; set; } = "";

    public static Kustomization Load(string folder)
    {
        var file = Path.Combine(folder, "kustomization.yaml");
        var kustomization = KubernetesYaml.Deserialize<Kustomization>(File.ReadAllText(file));
        kustomization.Folder = folder;
        return kustomization;
    }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Folder, relative));
}

internal sealed class KustomizePatch
{
    public string? Path { get; set; }

    public string? Patch { get; set; }

    public KustomizeTarget? Target { get; set; }
}

internal sealed class KustomizeTarget
{
    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? LabelSelector { get; set; }

    public string? AnnotationSelector { get; set; }
}

internal sealed class KustomizeReplicas
{
    public string Name { get; set; } = "";

    public int Count { get; set; }
}
