using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Procurement.ServiceDefaults.Mail;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Mail_settings
{
    [Theory]
    [InlineData("Development", null, MailMode.LogOnly)]
    [InlineData("Production", null, MailMode.NotConfigured)]
    [InlineData("Production", " ", MailMode.NotConfigured)]
    [InlineData("Development", "smtp.district.example", MailMode.Smtp)]
    [InlineData("Production", "smtp.district.example", MailMode.Smtp)]
    public void Mail_goes_to_the_configured_server_else_to_the_log_in_Development_only(string environment, string? host, MailMode expected)
    {
        var options = new MailOptions { Smtp = new SmtpOptions { Host = host } };

        options.ModeIn(new HostingEnvironment { EnvironmentName = environment }).Should().Be(expected);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls, null, 587)]
    [InlineData(SmtpSecurity.SslOnConnect, null, 465)]
    [InlineData(SmtpSecurity.None, null, 25)]
    [InlineData(SmtpSecurity.StartTls, 2525, 2525)]
    public void The_port_defaults_by_the_TLS_setting(SmtpSecurity security, int? port, int expected) =>
        new SmtpOptions { UseTls = security, Port = port }.EffectivePort.Should().Be(expected);
}
