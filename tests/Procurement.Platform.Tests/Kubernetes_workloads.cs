using FluentAssertions.Execution;
using k8s.Models;

namespace Procurement.Platform.Tests;

/// <summary>Each workload is probed, bounded and locked down, and the stateful ones keep their data.</summary>
public class Kubernetes_workloads
{
    [Fact]
    public void Every_deployment_has_probes_on_the_health_endpoints()
    {
        using var scope = new AssertionScope();
        foreach (var (owner, container) in Manifests.Base.Where(manifest => manifest.Object is V1Deployment).Containers())
        {
            container.ReadinessProbe?.HttpGet?.Path.Should().Be("/health/ready", $"{owner} is ready when /health/ready says so");
            container.ReadinessProbe?.HttpGet?.Port.Value.Should().Be("http", $"{owner} probes its http port");
            container.LivenessProbe?.HttpGet?.Path.Should().Be("/health/live", $"{owner} is alive while /health/live answers");
            container.LivenessProbe?.HttpGet?.Port.Value.Should().Be("http", $"{owner} probes its http port");
            container.ReadinessProbe.Should().NotBeNull($"{owner} needs a readiness probe");
            container.LivenessProbe.Should().NotBeNull($"{owner} needs a liveness probe");
        }
    }

    [Fact]
    public void Every_workload_requests_and_limits_cpu_and_memory()
    {
        var containers = Manifests.Base.Containers().ToList();
        containers.Should().HaveCountGreaterThanOrEqualTo(Manifests.Workloads.Count + 2);

        using var scope = new AssertionScope();
        foreach (var (owner, container) in containers)
        {
            container.Resources?.Requests.Should().ContainKeys(["cpu", "memory"], $"{owner} must request cpu and memory");
            container.Resources?.Limits.Should().ContainKeys(["cpu", "memory"], $"{owner} must limit cpu and memory");
            container.Resources.Should().NotBeNull($"{owner} needs resources");
        }
    }

    [Fact]
    public void Every_deployment_runs_as_the_non_root_app_user_on_a_read_only_filesystem()
    {
        using var scope = new AssertionScope();
        foreach (var (owner, pod) in Manifests.Base.Where(manifest => manifest.Object is V1Deployment).PodTemplates())
        {
            var container = pod.Spec.Containers.Should().ContainSingle().Subject;
            var security = container.SecurityContext;
            security.Should().NotBeNull($"{owner} needs a container securityContext");

            (security?.RunAsNonRoot ?? pod.Spec.SecurityContext?.RunAsNonRoot).Should().BeTrue($"{owner} must not run as root");
            (security?.RunAsUser ?? pod.Spec.SecurityContext?.RunAsUser).Should().Be(1654, $"{owner} runs as the .NET image's app user");
            security?.AllowPrivilegeEscalation.Should().BeFalse($"{owner} must not escalate privileges");
            security?.ReadOnlyRootFilesystem.Should().BeTrue($"{owner} has a read-only root filesystem");
            security?.Capabilities?.Drop.Should().Contain("ALL", $"{owner} drops every capability");

            // A read-only root still needs somewhere to write temporary files.
            var tmp = container.VolumeMounts.Should().ContainSingle(mount => mount.MountPath == "/tmp", $"{owner} mounts /tmp").Subject;
            pod.Spec.Volumes.Should().ContainSingle(volume => volume.Name == tmp.Name && volume.EmptyDir != null,
                $"{owner}'s /tmp is an emptyDir");
        }
    }

    [Fact]
    public void Every_stateful_container_runs_as_non_root_without_privilege_escalation()
    {
        using var scope = new AssertionScope();
        foreach (var (owner, pod) in Manifests.Base.Where(manifest => manifest.Object is V1StatefulSet).PodTemplates())
        {
            foreach (var container in pod.Spec.Containers)
            {
                (container.SecurityContext?.RunAsNonRoot ?? pod.Spec.SecurityContext?.RunAsNonRoot).Should()
                    .BeTrue($"{owner} must not run as root");
                container.SecurityContext?.AllowPrivilegeEscalation.Should().BeFalse($"{owner} must not escalate privileges");
                container.SecurityContext.Should().NotBeNull($"{owner} needs a container securityContext");
            }
        }
    }

    [Theory]
    [InlineData("rabbitmq", "rabbitmq:3.13-management", "/var/lib/rabbitmq", 999, 5672)]
    [InlineData("sqlserver", "mcr.microsoft.com/mssql/server:2022-latest", "/var/opt/mssql", 10001, 1433)]
    public void The_broker_and_the_database_are_statefulsets_that_keep_their_data(
        string name, string image, string dataPath, long user, int port)
    {
        var statefulSet = Manifests.Base.OfKind<V1StatefulSet>().Should()
            .ContainSingle(statefulSet => statefulSet.Metadata.Name == name, $"{name} should be a StatefulSet").Subject;
        var pod = statefulSet.Spec.Template.Spec;
        var container = pod.Containers.Should().ContainSingle().Subject;

        using var scope = new AssertionScope();
        container.Image.Should().Be(image);
        (container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser).Should().Be(user);

        statefulSet.Spec.VolumeClaimTemplates.Should().ContainSingle(claim => claim.Metadata.Name == "data");
        container.VolumeMounts.Should().ContainSingle(mount => mount.Name == "data" && mount.MountPath == dataPath);

        // The governing Service must be headless and expose the port the clients dial.
        statefulSet.Spec.ServiceName.Should().Be(name);
        var service = Manifests.Base.OfKind<V1Service>().Should().ContainSingle(service => service.Metadata.Name == name).Subject;
        service.Spec.ClusterIP.Should().Be("None", $"{name}'s Service is headless");
        service.Spec.Ports.Should().Contain(servicePort => servicePort.Port == port);

        container.ReadinessProbe.Should().NotBeNull();
        container.LivenessProbe.Should().NotBeNull();
    }

    [Fact]
    public void The_broker_is_probed_with_rabbitmq_diagnostics_and_the_database_on_its_tcp_port()
    {
        var rabbitmq = Manifests.Base.OfKind<V1StatefulSet>().Single(set => set.Metadata.Name == "rabbitmq").Spec.Template.Spec.Containers[0];
        var sqlserver = Manifests.Base.OfKind<V1StatefulSet>().Single(set => set.Metadata.Name == "sqlserver").Spec.Template.Spec.Containers[0];

        using var scope = new AssertionScope();
        rabbitmq.ReadinessProbe.Exec.Command.Should().Equal("rabbitmq-diagnostics", "-q", "ping");
        rabbitmq.LivenessProbe.Exec.Command.Should().Equal("rabbitmq-diagnostics", "-q", "ping");

        var tds = sqlserver.Ports.Should().ContainSingle(port => port.ContainerPort == 1433).Subject;
        foreach (var probe in new[] { sqlserver.ReadinessProbe, sqlserver.LivenessProbe })
        {
            probe.TcpSocket.Should().NotBeNull();
            probe.TcpSocket.Port.Value.Should().BeOneOf("1433", tds.Name);
        }

        sqlserver.Env.Should().Contain(env => env.Name == "ACCEPT_EULA" && env.Value == "Y");
    }
}
