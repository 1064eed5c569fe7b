using Procurement.Bidding.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Bidding.Endpoints;

public sealed record ContactRequest(string? Name, string? Phone, string? Email);

/// <summary>An agency's own profile; <c>version</c>, when sent, must match the stored one (else 409).</summary>
public sealed record AgencyProfileRequest(
    string? Name, string? UnifiedSocialCreditCode, DateOnly? RegistrationDate, string? Address, ContactRequest[]? Contacts, int? Version)
{
    /// <summary>
    /// The profile, or a 400 naming every field missing or of the wrong shape; then, the shape right, a code that breaks a
    /// rule of GB 32100-2015 (length, characters, region digits, either check character) is a 422 naming the field and the
    /// rule, as every other rule violation is.
    /// </summary>
    public AgencyProfile ToProfile()
    {
        var errors = new FieldErrors()
            .Required("name", Name)
            .Required("address", Address, maxLength: 300)
            .Required("registrationDate", RegistrationDate);
        if (string.IsNullOrWhiteSpace(UnifiedSocialCreditCode))
        {
            errors.Add("unifiedSocialCreditCode", "required");
        }

        if (Contacts is null || Contacts.Length is 0 or > AgencyContact.MaxContacts)
        {
            errors.Add("contacts", "contacts_count", AgencyContact.MaxContacts);
        }
        else
        {
            for (var i = 0; i < Contacts.Length; i++)
            {
                var contact = Contacts[i] ?? new ContactRequest(null, null, null);
                errors.Required($"contacts[{i}].name", contact.Name, maxLength: 100);
                if (!AgencyContact.IsPhone(contact.Phone))
                {
                    errors.Add($"contacts[{i}].phone", "phone");
                }

                if (!AgencyContact.IsEmail(contact.Email) || contact.Email!.Length > 200)
                {
                    errors.Add($"contacts[{i}].email", "email");
                }
            }
        }

        errors.ThrowIfAny();
        var code = Domain.UnifiedSocialCreditCode.ParseOrRefuse(UnifiedSocialCreditCode!, "unifiedSocialCreditCode");
        return new AgencyProfile(Name!, code, RegistrationDate!.Value, Address!,
            [.. Contacts!.Select(c => AgencyContact.Create(c.Name!, c.Phone!, c.Email!))]);
    }
}

/// <summary>An admin's debarment: from and until are both inclusive; no until means until lifted.</summary>
public sealed record DebarmentRequest(DateOnly? From, DateOnly? Until, string? Reason, int? Version)
{
    public void Validate() => new FieldErrors()
        .Required("from", From)
        .Required("reason", Reason, maxLength: 1000)
        .ThrowIfAny();
}

public sealed record TrainingHoursRequest(int? Year, int? Hours);

/// <summary>
/// A roster member. The ID number is taken when the worker is added and cannot be changed afterwards:
/// a wrong one means deactivating the worker and adding the right person.
/// </summary>
public sealed record WorkerRequest(
    string? Name, string? IdNumber, CertificateLevel? CertificateLevel, string? CertificateNumber, bool? IsSupervisor,
    TrainingHoursRequest[]? TrainingHours, bool? Active, int? Version)
{
    public NationalIdNumber ValidateNew(DateOnly today)
    {
        var errors = Common();
        NationalIdNumber? number = null;
        if (string.IsNullOrWhiteSpace(IdNumber))
        {
            errors.Add("idNumber", "required");
        }
        else if (!NationalIdNumber.TryParse(IdNumber, today, out number, out var problem))
        {
            errors.Add("idNumber", problem.Rule, problem.Args);
        }

        errors.ThrowIfAny();
        return number!;
    }

    public void ValidateUpdate() => Common().ThrowIfAny();

    public Certificate Certificate() => Domain.Certificate.Of(CertificateLevel!.Value, CertificateNumber);

    public IEnumerable<TrainingRecord> Training() =>
        (TrainingHours ?? []).Select(t => new TrainingRecord(t.Year!.Value, t.Hours!.Value));

    private FieldErrors Common()
    {
        var errors = new FieldErrors()
            .Required("name", Name, maxLength: 100);
        if (CertificateLevel is null)
        {
            errors.Add("certificateLevel", "required");
        }

        if (CertificateNumber is { Length: > 50 })
        {
            errors.Add("certificateNumber", "max_length", 50);
        }

        for (var i = 0; i < (TrainingHours?.Length ?? 0); i++)
        {
            errors.Required($"trainingHours[{i}].year", TrainingHours![i]?.Year);
            if (TrainingHours[i]?.Hours is null)
            {
                errors.Add($"trainingHours[{i}].hours", "required");
            }
        }

        return errors;
    }
}
