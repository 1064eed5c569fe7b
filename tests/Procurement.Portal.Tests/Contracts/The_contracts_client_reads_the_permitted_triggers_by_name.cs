using System.Net;
using System.Text;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Contracts;

public sealed class The_contracts_client_reads_the_permitted_triggers_by_name
{
    [Fact]
    public async Task A_contract_with_a_list_of_triggers_written_as_names_deserializes()
    {
        const string json = """
            {"id":"01930000-0000-7000-8000-00000000c001","programId":"01930000-0000-7000-8000-000000000001",
             "purchasingUnitId":"01930000-0000-7000-8000-0000000000a1","agencyId":"01930000-0000-7000-8000-0000000000b1",
             "agencyName":"阳光社工服务中心","state":"PendingSignature","permittedTriggers":["Sign","Terminate"],
             "signatures":{"purchaser":{"signedAt":"2027-01-02T03:00:00+00:00","signedBy":null},"agency":{"signedAt":null,"signedBy":null}},
             "amount":960000.00,"start":"2027-01-01","end":"2027-12-31","kpis":[],"paymentSchedule":[],"paymentTermDays":30,"termsVersion":1,
             "monthlyRate":80000.00,"renewalWindowOpens":"2027-10-02","consecutiveSince":"2027-01-01","consecutiveCapEnd":"2029-12-31",
             "evaluations":[],"version":2,"recordedPaid":0}
            """;
        using var http = new HttpClient(new Answer(json)) { BaseAddress = new Uri("http://api.test/") };
        var client = new ContractsClient(http);

        var contract = await client.GetContractAsync(Guid.Parse("01930000-0000-7000-8000-00000000c001"));

        contract.PermittedTriggers.Should().Equal(ContractTrigger.Sign, ContractTrigger.Terminate);
        contract.State.Should().Be(ContractState.PendingSignature);
    }

    [Fact]
    public async Task A_renewal_proposal_with_its_obstacles_written_as_names_deserializes()
    {
        const string json = """
            {"proposal":{"path":"NewTender","latestGrade":null,"minimumGrade":"Good","consecutiveSince":"2025-01-01",
             "consecutiveMonths":36,"capMonths":36,"obstacles":["NoGrade","GradeBelowMinimum"]}}
            """;
        using var http = new HttpClient(new Answer(json)) { BaseAddress = new Uri("http://api.test/") };
        var client = new ContinuityClient(http);

        var renewal = await client.ContractRenewalLeadTimeAsync(Guid.Parse("01930000-0000-7000-8000-00000000c001"));

        renewal.Proposal.Obstacles.Should().Equal(RenewalObstacle.NoGrade, RenewalObstacle.GradeBelowMinimum);
    }

    private sealed class Answer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
