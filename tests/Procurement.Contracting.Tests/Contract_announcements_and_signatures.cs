using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Contracting.Tests;

/// <summary>
/// Issue 18 items 1 and 4: a contract is announced, without sign-in, once both parties have signed — parties, amount,
/// period, schedule, KPIs —, each party's signature is its organisation's over the canonical document of the terms,
/// anyone can check the hash and the signatures, an amendment is a new version the purchaser signs, and an altered
/// document or signature no longer verifies.
/// </summary>
public sealed class Contract_announcements_and_signatures : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Nothing_is_public_before_both_signatures_and_the_announcement_holds_the_terms_and_both_signatures()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.DraftedFromAsync(award);
        using var anyone = _api.Host.CreateClient();
        (await anyone.GetAsync($"/api/public/contracts/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft is not public");

        (await _api.PurchaserClient().PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        (await anyone.GetAsync($"/api/public/contracts/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "one signature is not both");
        (await anyone.GetFromJsonAsync<JsonElement>("/api/public/contracts")).GetProperty("total").GetInt32().Should().Be(0);

        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{id}/sign", null)).EnsureSuccessStatusCode();
        var announcement = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}");
        announcement.GetProperty("agencyName").GetString().Should().Be("Sunshine Social Work Service Centre");
        announcement.GetProperty("amount").GetRawText().Should().Be("480000.00");
        announcement.GetProperty("start").GetString().Should().Be("2027-01-01");
        announcement.GetProperty("kpis").GetArrayLength().Should().Be(2);
        announcement.GetProperty("paymentSchedule").GetArrayLength().Should().Be(3);
        var version = announcement.GetProperty("versions").EnumerateArray().Single();
        var signatures = version.GetProperty("signatures").EnumerateArray().ToList();
        signatures.Select(s => s.GetProperty("party").GetString()).Should().Equal("Purchaser", "Agency");
        signatures.Select(s => s.GetProperty("organisationId").GetGuid()).Should().Equal(ContractingApi.Purchaser, Agency);

        // Anyone checks them with a standard library alone: SHA-256 of the document, ECDSA P-256 (r‖s) under the key given.
        var document = version.GetProperty("document").GetString()!;
        document.Should().Contain($"\"contractId\":\"{id:D}\"").And.Contain("\"amount\":\"480000.00\"");
        foreach (var signature in signatures)
        {
            signature.GetProperty("suite").GetString().Should().Be("std-1");
            signature.GetProperty("documentHash").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))));
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(signature.GetProperty("publicKey").GetString()!), out _);
            key.VerifyData(Encoding.UTF8.GetBytes(document), Convert.FromBase64String(signature.GetProperty("signature").GetString()!), HashAlgorithmName.SHA256)
                .Should().BeTrue();
        }

        var listed = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts?purchaser={ContractingApi.Purchaser}");
        listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Equal(id);
        (await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts?tender={award.TenderId}&from=2026-11-25&to=2026-11-25"))
            .GetProperty("total").GetInt32().Should().Be(1, "signed on 25 November, Beijing time");
        (await anyone.GetFromJsonAsync<JsonElement>("/api/public/contracts?from=2026-11-26")).GetProperty("total").GetInt32().Should().Be(0);
        (await anyone.GetFromJsonAsync<JsonElement>("/api/public/contracts?to=2026-11-24")).GetProperty("total").GetInt32().Should().Be(0);
        var verification = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}/verification");
        verification.GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_amendment_is_a_new_version_the_purchaser_signs_and_a_termination_is_announced()
    {
        var id = await _api.ActiveAsync(ContractingApi.Award(Agency));
        var purchaser = _api.PurchaserClient();
        (await purchaser.PostAsJsonAsync($"/api/contracts/{id}/amendments",
            new { reasonCode = "amountChange", text = "Two more caseworkers from March", amount = 504_000.00m })).EnsureSuccessStatusCode();
        (await purchaser.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "The agency closed its office", amountPaid = 100_000.00m }))
            .EnsureSuccessStatusCode();

        using var anyone = _api.Host.CreateClient();
        var announcement = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}");
        announcement.GetProperty("state").GetString().Should().Be("Terminated");
        announcement.GetProperty("terminationReason").GetString().Should().Be("The agency closed its office");
        var versions = announcement.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("number").GetInt32()).Should().Equal(1, 2);
        versions[1].GetProperty("text").GetString().Should().Be("Two more caseworkers from March");
        versions[1].GetProperty("document").GetString().Should().Contain("\"amount\":\"504000.00\"").And.Contain("\"termsVersion\":2");
        versions[1].GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("party").GetString()).Should().Equal("Purchaser");

        var verification = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}/verification");
        verification.GetProperty("valid").GetBoolean().Should().BeTrue();
        verification.GetProperty("signatures").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task An_altered_document_or_signature_no_longer_verifies()
    {
        var id = await _api.ActiveAsync(ContractingApi.Award(Agency));
        await using (var scope = _api.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
            var signatures = await db.ContractSignatures.Where(s => s.ContractId == id).ToListAsync();
            var purchasers = signatures.Single(s => s.Party == Domain.ContractParty.Purchaser);
            purchasers.Document = purchasers.Document.Replace("480000.00", "580000.00", StringComparison.Ordinal);
            var agencys = signatures.Single(s => s.Party == Domain.ContractParty.Agency);
            agencys.Signature = [.. agencys.Signature.Select((b, i) => i == 0 ? (byte)(b ^ 0xff) : b)];
            await db.SaveChangesAsync();
        }

        using var anyone = _api.Host.CreateClient();
        var verification = await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}/verification");
        verification.GetProperty("valid").GetBoolean().Should().BeFalse();
        var checks = verification.GetProperty("signatures").EnumerateArray().OrderBy(c => c.GetProperty("party").GetString() == "Agency").ToList();
        checks[0].GetProperty("documentMatchesTerms").GetBoolean().Should().BeFalse("the purchaser's document no longer says the amount the terms say");
        checks[0].GetProperty("hashMatches").GetBoolean().Should().BeFalse();
        checks[1].GetProperty("documentMatchesTerms").GetBoolean().Should().BeTrue();
        checks[1].GetProperty("signatureValid").GetBoolean().Should().BeFalse("the agency's signature bytes were changed");
    }

    [Fact]
    public async Task Under_the_national_suite_the_parties_sign_with_SM2_over_SM3()
    {
        await using var api = await ContractingApi.StartAsync(new() { [CryptoSuites.Setting] = ShangMiSuite.SuiteId });
        var id = await api.ActiveAsync(ContractingApi.Award(Agency));

        using var anyone = api.Host.CreateClient();
        var version = (await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}")).GetProperty("versions")[0];
        var document = Encoding.UTF8.GetBytes(version.GetProperty("document").GetString()!);
        foreach (var signature in version.GetProperty("signatures").EnumerateArray())
        {
            signature.GetProperty("suite").GetString().Should().Be("sm-1");
            signature.GetProperty("documentHash").GetString().Should().Be(Convert.ToHexStringLower(ShangMiSuite.Instance.Hash(document)));
            ShangMiSuite.Instance.Verify(
                Convert.FromBase64String(signature.GetProperty("publicKey").GetString()!), document,
                Convert.FromBase64String(signature.GetProperty("signature").GetString()!)).Should().BeTrue();
        }

        (await anyone.GetFromJsonAsync<JsonElement>($"/api/public/contracts/{id}/verification")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task The_list_filters_by_the_programs_region_and_domain_and_an_older_copy_learns_them_from_the_listing()
    {
        var elderly = Guid.NewGuid();
        var youth = Guid.NewGuid();
        var unlisted = Guid.NewGuid();
        await _api.PublishAsync(new ServiceProgramCreated(elderly, ContractingApi.Purchaser, "长者居家社工服务", "示范区", "Elderly", new DateOnly(2027, 1, 1), null, ContractingApi.Now));
        await _api.PublishAsync(new ServiceProgramCreated(youth, ContractingApi.Purchaser, "青少年社工服务", "东湖区", "ChildrenAndYouth", new DateOnly(2027, 1, 1), null, ContractingApi.Now));
        var elderlyContract = await _api.ActiveAsync(ContractingApi.Award(Agency, program: elderly));
        var youthContract = await _api.ActiveAsync(ContractingApi.Award(Agency, program: youth));
        var unlistedContract = await _api.ActiveAsync(ContractingApi.Award(Agency, program: unlisted));

        using var anyone = _api.Host.CreateClient();
        async Task<List<Guid>> ListedAsync(string query) =>
            [.. (await anyone.GetFromJsonAsync<JsonElement>("/api/public/contracts" + query)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

        (await ListedAsync("?region=" + Uri.EscapeDataString("示范区"))).Should().Equal(elderlyContract);
        (await ListedAsync("?serviceDomain=ChildrenAndYouth")).Should().Equal(youthContract);
        (await ListedAsync("?region=" + Uri.EscapeDataString("示范区") + "&serviceDomain=ChildrenAndYouth")).Should().BeEmpty();
        (await ListedAsync("")).Should().BeEquivalentTo([elderlyContract, youthContract, unlistedContract], "no filter lists every signed contract");
        var line = (await anyone.GetFromJsonAsync<JsonElement>("/api/public/contracts?serviceDomain=Elderly")).GetProperty("items")[0];
        (line.GetProperty("programName").GetString(), line.GetProperty("region").GetString(), line.GetProperty("serviceDomain").GetString())
            .Should().Be(("长者居家社工服务", "示范区", "Elderly"));
        var refused = await anyone.GetAsync("/api/public/contracts?serviceDomain=Elderlyy");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a domain that is not one of §3's is refused, not answered with nothing");

        // A copy from before the region was kept (the program edited to version 2 since): Tendering's listing at its next start
        // fills it in; a listing of an older version than the copy's changes nothing.
        await _api.PublishAsync(new ServiceProgramRevised(youth, ContractingApi.Purchaser, "青少年社工服务", "东湖区", "ChildrenAndYouth", new DateOnly(2027, 1, 1), null, 2, ContractingApi.Now));
        await using (var scope = _api.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
            var copy = await db.Set<Contracting.Continuity.Data.ContinuityProgram>().SingleAsync(p => p.ProgramId == youth);
            (copy.Region, copy.ServiceDomain) = (null, null);
            await db.SaveChangesAsync();
        }

        (await ListedAsync("?serviceDomain=ChildrenAndYouth")).Should().BeEmpty("the copy no longer knows its domain");
        await _api.PublishAsync(new ServiceProgramsListed(
            [new ListedServiceProgram(youth, ContractingApi.Purchaser, "西湖区", "Family", 1)], ContractingApi.Now));
        (await ListedAsync("?serviceDomain=Family")).Should().BeEmpty("version 1 is older than the copy's version 2");
        await _api.PublishAsync(new ServiceProgramsListed(
            [new ListedServiceProgram(youth, ContractingApi.Purchaser, "东湖区", "ChildrenAndYouth", 2), new ListedServiceProgram(Guid.NewGuid(), ContractingApi.Purchaser, "北区", "Other", 1)],
            ContractingApi.Now));
        (await ListedAsync("?region=" + Uri.EscapeDataString("东湖区") + "&serviceDomain=ChildrenAndYouth")).Should().Equal(youthContract);
    }
}
