using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Data;
using Procurement.Testing;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// Continuity sits above the Contracting core, never below (issue 16 item 12): no type outside
/// <c>Procurement.Contracting.Continuity</c> — but the composition root, <see cref="ContractingModule"/>, which registers
/// the feature, and the generated migrations — names a Continuity type or its namespace, in a signature or in a method body. Bodies are read as IL, so
/// a call, a <c>typeof</c>, a generic argument or a namespace written as a string are caught as well as fields and
/// parameters.
/// </summary>
public sealed class The_Contracting_core
{
    private const string ContinuityNamespace = "Procurement.Contracting.Continuity";

    [Fact]
    public void Names_no_continuity_type_anywhere()
    {
        var core = typeof(ContractingDb).Assembly.GetTypes()
            .Where(t => !InContinuity(t) && !IsCompositionRoot(t) && !IsMigration(t))
            .ToList();

        core.Should().NotBeEmpty();
        core.SelectMany(ReferencesIntoContinuity).Should().BeEmpty("the core defines what it needs and Continuity implements it");
    }

    [Fact]
    public void Is_told_apart_by_a_check_that_sees_references_in_bodies_and_signatures()
    {
        // The other side: a type that does reach into Continuity is caught, by its body (the store reads Continuity's
        // tables) and by its signatures (the implementation of the core's interface takes Continuity's rules).
        ReferencesIntoContinuity(typeof(ContinuityStore)).Should().Contain(r => r.Contains(nameof(PublishedTender), StringComparison.Ordinal));
        var implementation = typeof(ContractingDb).Assembly.GetTypes().Single(t => t.Name == "LearntRenewalLeadTimes");
        ReferencesIntoContinuity(implementation).Should().Contain(r => r.Contains("ContinuityRules", StringComparison.Ordinal));
    }

    private static bool InContinuity(Type type) =>
        (type.Namespace ?? "").StartsWith(ContinuityNamespace, StringComparison.Ordinal);

    /// <summary>Migrations and model snapshots are generated records of the whole model (every entity by name), not the core's code.</summary>
    private static bool IsMigration(Type type) =>
        (type.Namespace ?? "").StartsWith("Procurement.Contracting.Data.Migrations", StringComparison.Ordinal);

    private static bool IsCompositionRoot(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t == typeof(ContractingModule))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every place <paramref name="type"/> names Continuity: base type, interfaces, fields, properties, method signatures and bodies.</summary>
    private static IEnumerable<string> ReferencesIntoContinuity(Type type) =>
        TypeReferences.Into(type, InContinuity, ContinuityNamespace);
}
