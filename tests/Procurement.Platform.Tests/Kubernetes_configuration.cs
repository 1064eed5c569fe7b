using FluentAssertions.Execution;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>
/// What the services read from their environment: settings from the ConfigMap, credentials and
/// keys only by reference to the Secret an operator creates, and the gateway's backend addresses.
/// </summary>
public class Kubernetes_configuration
{
    private static readonly string[] SecretLikeWords = ["PASSWORD", "PASS", "KEY", "SECRET", "TOKEN"];

    [Fact]
    public void No_secret_is_committed_under_k8s()
    {
        Manifests.AllObjects().Should().NotContain(manifest => manifest.Kind == "Secret",
            "the Secret is created by hand (k8s/README.md), never committed");
        Manifests.AllKustomizations().Should().OnlyContain(kustomization => kustomization.SecretGenerator.Count == 0,
            "a secretGenerator would put secret values in git");
    }

    [Fact]
    public void Every_secret_reference_names_procurement_secrets_and_a_documented_key()
    {
        var references = Manifests.AllObjects().Containers()
            .SelectMany(pod => (pod.Container.Env ?? [])
                .Where(env => env.ValueFrom?.SecretKeyRef is not null)
                .Select(env => (pod.Owner, Env: env.Name, env.ValueFrom.SecretKeyRef)))
            .ToList();
        references.Should().NotBeEmpty();

        using var scope = new AssertionScope();
        foreach (var (owner, env, secretKeyRef) in references)
        {
            secretKeyRef.Name.Should().Be(Manifests.SecretName, $"{owner} {env} should read the one platform Secret");
            Manifests.SecretKeys.Should().Contain(secretKeyRef.Key, $"{owner} {env} should use a key k8s/README.md documents");
        }

        var envFromSecrets = Manifests.AllObjects().Containers()
            .Where(pod => pod.Container.EnvFrom?.Any(source => source.SecretRef is not null) == true);
        envFromSecrets.Should().BeEmpty("secrets are passed one documented key at a time");
    }

    [Fact]
    public void No_password_or_key_is_written_as_a_literal_value()
    {
        var literals = Manifests.AllObjects().Containers()
            .SelectMany(pod => (pod.Container.Env ?? []).Select(env => (pod.Owner, Env: env)))
            .Where(pair => pair.Env.Value is not null
                && SecretLikeWords.Any(word => pair.Env.Name.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(pair => $"{pair.Owner} {pair.Env.Name}");

        literals.Should().BeEmpty("passwords and keys come from the Secret through secretKeyRef");
    }

    [Fact]
    public void The_private_signing_and_encryption_keys_reach_only_identity()
    {
        var holders = Manifests.AllObjects().Containers()
            .Where(pod => pod.Container.Env?.Any(env =>
                env.ValueFrom?.SecretKeyRef?.Key is "auth-signing-key" or "auth-encryption-key") == true)
            .Select(pod => pod.Owner)
            .Distinct();

        holders.Should().Equal("Deployment/identity");

        var identity = Manifests.Deployment("identity").Spec.Template.Spec.Containers[0];
        identity.EnvVar("Auth__SigningKey")?.ValueFrom?.SecretKeyRef?.Key.Should().Be("auth-signing-key");
        identity.EnvVar("Auth__EncryptionKey")?.ValueFrom?.SecretKeyRef?.Key.Should().Be("auth-encryption-key");
    }

    [Fact]
    public void The_configmap_selects_sql_server_and_rabbitmq()
    {
        var config = Manifests.Base.OfKind<V1ConfigMap>().Should()
            .ContainSingle(map => map.Metadata.Name == Manifests.ConfigMapName).Subject;

        config.Data.Should().Contain(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = "8080",
            ["Database__Provider"] = "SqlServer",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Host"] = "rabbitmq",
            ["Messaging__RabbitMq__Port"] = "5672",
            ["Messaging__RabbitMq__VirtualHost"] = "/",
            ["Auth__Audience"] = "procurement-api",
        });
        config.Data.Should().ContainKey("Auth__Issuer");
        Manifests.Base.OfKind<V1Service>().Should().Contain(service => service.Metadata.Name == config.Data["Messaging__RabbitMq__Host"],
            "the services dial the broker by this name");
    }

    [Fact]
    public void The_open_data_is_published_under_the_public_url_with_a_registered_style_ocid_prefix()
    {
        var config = Manifests.Base.OfKind<V1ConfigMap>().Single(map => map.Metadata.Name == Manifests.ConfigMapName).Data;

        // Tendering refuses to start with another shape (OpenDataOptions): ocds- and six lower-case letters or digits.
        config["OpenData__OcidPrefix"].Should().MatchRegex("^ocds-[a-z0-9]{6}$");
        new Uri(config["OpenData__PublicBaseUri"]).Host.Should().Be(new Uri(config["Auth__Issuer"]).Host, "the open data's links point where the public reads");
    }

    [Fact]
    public void Every_workload_reads_the_configmap()
    {
        using var scope = new AssertionScope();
        foreach (var name in Manifests.Workloads)
        {
            var container = Manifests.Deployment(name).Spec.Template.Spec.Containers[0];
            container.EnvFrom.Should().Contain(source => source.ConfigMapRef != null && source.ConfigMapRef.Name == Manifests.ConfigMapName,
                $"{name} reads its settings from {Manifests.ConfigMapName}");
        }
    }

    [Fact]
    public void Every_service_gets_its_connection_string_and_broker_credentials_from_the_secret()
    {
        using var scope = new AssertionScope();
        foreach (var (name, title) in Manifests.Services)
        {
            var container = Manifests.Deployment(name).Spec.Template.Spec.Containers[0];

            SecretKeyOf(container, $"ConnectionStrings__{title}").Should().Be($"connection-{name}", $"{name} reads its own database");
            SecretKeyOf(container, "Messaging__RabbitMq__Username").Should().Be("rabbitmq-username", $"{name} logs in to the broker");
            SecretKeyOf(container, "Messaging__RabbitMq__Password").Should().Be("rabbitmq-password", $"{name} logs in to the broker");
            SecretKeyOf(container, "Auth__SigningKey").Should().Be(
                name == "identity" ? "auth-signing-key" : "auth-signing-public-key", $"{name} signs or verifies tokens");

            container.Env.Where(env => env.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .Should().ContainSingle($"{name} reaches no other service's database");
        }
    }

    [Fact]
    public void The_gateway_has_no_database_and_no_broker()
    {
        var gateway = Manifests.Deployment("gateway").Spec.Template.Spec.Containers[0];

        gateway.Env.Should().NotContain(env => env.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        gateway.Env.Should().NotContain(env => env.Name.StartsWith("Messaging__", StringComparison.Ordinal));
        SecretKeyOf(gateway, "Auth__SigningKey").Should().Be("auth-signing-public-key", "the gateway only verifies tokens");
    }

    [Fact]
    public void The_gateway_has_an_address_for_every_backend_cluster_and_each_points_at_a_service()
    {
        var gateway = Manifests.Deployment("gateway").Spec.Template.Spec.Containers[0];
        var services = Manifests.Base.OfKind<V1Service>().ToDictionary(service => service.Metadata.Name);

        using var scope = new AssertionScope();
        foreach (var cluster in Manifests.GatewayClusters)
        {
            var name = $"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address";
            var value = gateway.EnvVar(name)?.Value;
            value.Should().NotBeNull($"the gateway needs {name}");
            if (value is null)
            {
                continue;
            }

            Uri.TryCreate(value, UriKind.Absolute, out var address).Should().BeTrue($"{name} should be an absolute URL");
            if (address is null)
            {
                continue;
            }

            address.Should().Be(new Uri($"http://{cluster}/"), $"cluster {cluster} is the {cluster} Service");
            services.Should().ContainKey(address.Host, $"{name} points at a Service");
            if (services.TryGetValue(address.Host, out var service))
            {
                service.Spec.Ports.Should().Contain(port => port.Port == address.Port, $"{address.Host} listens on {address.Port}");
            }
        }
    }

    private static string? SecretKeyOf(V1Container container, string env)
    {
        var variable = container.EnvVar(env);
        variable.Should().NotBeNull($"{container.Name} needs {env}");
        variable?.Value.Should().BeNull($"{container.Name}'s {env} comes from the Secret, not a literal");
        variable?.ValueFrom?.SecretKeyRef?.Name.Should().Be(Manifests.SecretName);
        return variable?.ValueFrom?.SecretKeyRef?.Key;
    }
}
