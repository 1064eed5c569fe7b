using System.Text;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Signatures;

/// <summary>
/// An organisation's signing key pair for one crypto suite. The platform keeps it for the organisation (as an e-procurement
/// platform keeps its members' keys): the public key in the clear, the private key sealed under a key derived from the
/// master key <c>Contracting:SigningKey</c>, which is never in the database.
/// </summary>
public sealed class OrganisationSigningKey
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Suite { get; set; } = "";

    /// <summary>SubjectPublicKeyInfo DER.</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>nonce | tag | ciphertext of the PKCS#8 private key, sealed with the suite under the derived master key.</summary>
    public byte[] SealedPrivateKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One party's signature of one version of a contract's canonical document.</summary>
public sealed class ContractSignature
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public int TermsVersion { get; set; }

    public ContractParty Party { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid KeyId { get; set; }

    public string Suite { get; set; } = "";

    /// <summary>The canonical document signed (<see cref="ContractDocument"/>), exactly as its bytes were signed (UTF-8).</summary>
    public string Document { get; set; } = "";

    /// <summary>The suite's hash of the document, lower-case hex.</summary>
    public string DocumentHash { get; set; } = "";

    /// <summary>r‖s, 64 bytes.</summary>
    public byte[] Signature { get; set; } = [];

    /// <summary>The signer's public key at signing (SubjectPublicKeyInfo DER), so the signature stays checkable on its own.</summary>
    public byte[] PublicKey { get; set; } = [];

    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>The master key organisations' private keys are sealed under (<c>Contracting:SigningKey</c>, base64 of 32 bytes).</summary>
public sealed class ContractSigningMasterKey(byte[] key)
{
    public const string Setting = "Contracting:SigningKey";
    public const string DevelopmentFile = "contract-signing-key.txt";
    public const int Size = 32;

    public static ContractSigningMasterKey From(IConfiguration configuration, IHostEnvironment environment, ILogger? logger)
    {
        var value = DevelopmentSecret.Resolve(configuration, environment, Setting, DevelopmentFile, Size, "base64 of 32 random bytes", logger);
        return new ContractSigningMasterKey(DevelopmentSecret.DecodeKey(Setting, value, Size));
    }

    /// <summary>The sealing key for <paramref name="suite"/>: the suite's own hash of the master key and the suite's id, cut to its key size.</summary>
    internal byte[] For(CryptoSuite suite) =>
        suite.Hash([.. key, .. Encoding.UTF8.GetBytes("procurement/contract-signing-keys/" + suite.Id)])[..suite.SealingKeySize];
}

/// <summary>
/// Signs what is due on a contract when it is saved: a party that signed has signed the version of the terms then in
/// force; once both have signed, every new version (an amendment, a bridge extension) is signed by the purchaser, who
/// made it. Each signature is the party organisation's, with its key of the current suite (made at its first signature).
/// </summary>
public sealed class ContractSigner(CryptoSuites suites, ContractSigningMasterKey masterKey)
{
    public async Task SignDueAsync(ContractingDb db, Contract contract, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        var signed = await db.ContractSignatures.AsNoTracking().Where(s => s.ContractId == contract.Id)
            .Select(s => new { s.Party, s.TermsVersion }).ToListAsync(cancellationToken);
        signed.AddRange(db.ContractSignatures.Local.Where(s => s.ContractId == contract.Id).Select(s => new { s.Party, s.TermsVersion }));
        var due = new List<ContractParty>();
        foreach (var party in new[] { ContractParty.Purchaser, ContractParty.Agency })
        {
            if (contract.HasSigned(party) && !signed.Any(s => s.Party == party))
            {
                due.Add(party);
            }
        }

        if (contract.BothSigned && !due.Contains(ContractParty.Purchaser) && signed.Count > 0 && signed.Max(s => s.TermsVersion) < contract.TermsVersion)
        {
            due.Add(ContractParty.Purchaser);
        }

        var terms = contract.Versions.Single(v => v.Number == contract.TermsVersion);
        var document = ContractDocument.Canonical(contract, terms);
        var bytes = Encoding.UTF8.GetBytes(document);
        foreach (var party in due)
        {
            var organisation = party == ContractParty.Purchaser ? contract.PurchasingUnitId : contract.AgencyId;
            var (key, privateKey) = await KeyOfAsync(db, organisation, now, cancellationToken);
            var suite = suites.Get(key.Suite);
            db.ContractSignatures.Add(new ContractSignature
            {
                Id = Guid.CreateVersion7(),
                ContractId = contract.Id,
                TermsVersion = terms.Number,
                Party = party,
                OrganisationId = organisation,
                KeyId = key.Id,
                Suite = suite.Id,
                Document = document,
                DocumentHash = Convert.ToHexStringLower(suite.Hash(bytes)),
                Signature = suite.Sign(privateKey, bytes),
                PublicKey = key.PublicKey,
                SignedAt = now,
            });
        }
    }

    private async Task<(OrganisationSigningKey Key, byte[] PrivateKey)> KeyOfAsync(
        ContractingDb db, Guid organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suite = suites.Current;
        var key = db.OrganisationSigningKeys.Local.FirstOrDefault(k => k.OrganisationId == organisation && k.Suite == suite.Id)
            ?? await db.OrganisationSigningKeys.FirstOrDefaultAsync(k => k.OrganisationId == organisation && k.Suite == suite.Id, cancellationToken);
        if (key is not null)
        {
            var nonce = key.SealedPrivateKey[..CryptoSuite.NonceSize];
            var tag = key.SealedPrivateKey[CryptoSuite.NonceSize..(CryptoSuite.NonceSize + CryptoSuite.TagSize)];
            var ciphertext = key.SealedPrivateKey[(CryptoSuite.NonceSize + CryptoSuite.TagSize)..];
            return (key, suite.Open(masterKey.For(suite), new SealedBox(suite.Id, nonce, ciphertext, tag), AssociatedData(organisation, suite)));
        }

        var pair = suite.CreateKeyPair();
        var box = suite.Seal(masterKey.For(suite), pair.PrivateKey, AssociatedData(organisation, suite));
        key = new OrganisationSigningKey
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisation,
            Suite = suite.Id,
            PublicKey = pair.PublicKey,
            SealedPrivateKey = [.. box.Nonce, .. box.Tag, .. box.Ciphertext],
            CreatedAt = now,
        };
        db.OrganisationSigningKeys.Add(key);
        return (key, pair.PrivateKey);
    }

    /// <summary>Binds a sealed private key to its organisation and suite: copied onto another row, it does not open.</summary>
    private static byte[] AssociatedData(Guid organisation, CryptoSuite suite) =>
        Encoding.UTF8.GetBytes($"procurement/organisation-signing-key/{organisation:D}/{suite.Id}");
}

/// <summary>One signature checked again from what is stored and what anyone can read.</summary>
public sealed record SignatureCheck(
    int TermsVersion, ContractParty Party, Guid OrganisationId, string Suite, bool DocumentMatchesTerms, bool HashMatches, bool SignatureValid);

public static class ContractVerification
{
    /// <summary>
    /// Each signature: its document is the canonical document of that version's terms as the contract keeps them, its hash is
    /// the suite's hash of the document, and its signature verifies under the public key it carries.
    /// </summary>
    public static IReadOnlyList<SignatureCheck> Check(Contract contract, IEnumerable<ContractSignature> signatures, CryptoSuites suites)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(suites);
        return [.. signatures.OrderBy(s => s.TermsVersion).ThenBy(s => s.Party).Select(s =>
        {
            var terms = contract.Versions.FirstOrDefault(v => v.Number == s.TermsVersion);
            var matches = terms is not null && string.Equals(ContractDocument.Canonical(contract, terms), s.Document, StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(s.Document);
            var suite = CryptoSuites.All.FirstOrDefault(x => x.Id == s.Suite);
            var hashOk = suite is not null && string.Equals(Convert.ToHexStringLower(suite.Hash(bytes)), s.DocumentHash, StringComparison.Ordinal);
            bool signatureOk;
            try
            {
                signatureOk = suite is not null && suite.Verify(s.PublicKey, bytes, s.Signature);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // A key that is not the suite's: the stored row was altered; to the reader, not a valid signature.
                signatureOk = false;
            }

            return new SignatureCheck(s.TermsVersion, s.Party, s.OrganisationId, s.Suite, matches, hashOk, signatureOk);
        })];
    }
}

internal sealed class OrganisationSigningKeyConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<OrganisationSigningKey>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<OrganisationSigningKey> key)
    {
        key.ToTable("OrganisationSigningKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.Suite).HasMaxLength(16);
        key.HasIndex(k => new { k.OrganisationId, k.Suite }).IsUnique();
    }
}

internal sealed class ContractSignatureConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ContractSignature>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ContractSignature> signature)
    {
        signature.ToTable("ContractSignatures");
        signature.HasKey(s => s.Id);
        signature.Property(s => s.Id).ValueGeneratedNever();
        signature.Property(s => s.Party).HasConversion<string>().HasMaxLength(20);
        signature.Property(s => s.Suite).HasMaxLength(16);
        signature.Property(s => s.DocumentHash).HasMaxLength(64).IsFixedLength();
        signature.HasIndex(s => new { s.ContractId, s.TermsVersion, s.Party }).IsUnique();
    }
}
