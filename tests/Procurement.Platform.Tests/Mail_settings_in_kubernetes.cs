using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>Identity's mail outbox reaches a real SMTP server in the cluster: server in the ConfigMap, credentials from the Secret.</summary>
public sealed class Mail_settings_in_kubernetes
{
    [Fact]
    public void The_configmap_names_the_sender_and_an_SMTP_server_with_a_known_TLS_mode()
    {
        var data = Manifests.Base.OfKind<V1ConfigMap>().Single(map => map.Metadata.Name == Manifests.ConfigMapName).Data;

        data.Should().ContainKeys("Mail__From", "Mail__Smtp__Host", "Mail__Smtp__Port", "Mail__Smtp__UseTls");
        data["Mail__Smtp__Host"].Should().NotBeNullOrWhiteSpace("outside Development a missing host keeps every mail waiting");
        data["Mail__Smtp__UseTls"].Should().BeOneOf("StartTls", "SslOnConnect", "None");
        data.Keys.Should().NotContain(key => key.StartsWith("Mail__Smtp__Password", StringComparison.Ordinal) || key.StartsWith("Mail__Smtp__UserName", StringComparison.Ordinal),
            "the SMTP credentials come from the Secret");
    }

    [Fact]
    public void Identity_reads_the_SMTP_credentials_from_optional_secret_keys()
    {
        var identity = Manifests.Deployment("identity").Spec.Template.Spec.Containers[0];

        foreach (var (env, key) in new[] { ("Mail__Smtp__UserName", "smtp-username"), ("Mail__Smtp__Password", "smtp-password") })
        {
            var reference = identity.Env.Single(e => e.Name == env).ValueFrom.SecretKeyRef;
            reference.Name.Should().Be(Manifests.SecretName);
            reference.Key.Should().Be(key);
            reference.Optional.Should().BeTrue("a relay that takes mail without signing in needs no credentials");
        }
    }
}
