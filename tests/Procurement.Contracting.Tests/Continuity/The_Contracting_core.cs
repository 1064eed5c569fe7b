using System.Reflection;
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

    private const BindingFlags Declared = MethodBodies.Declared;

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

    /// <summary>Whether <paramref name="type"/> is, or is built from, a Continuity type.</summary>
    private static bool Mentions(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return false;
        }

        if (type.HasElementType)
        {
            return Mentions(type.GetElementType());
        }

        return InContinuity(type) || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));
    }

    private static bool Mentions(MemberInfo member) => member switch
    {
        Type type => Mentions(type),
        MethodBase method => Mentions(method.DeclaringType)
                             || (method is MethodInfo info && (Mentions(info.ReturnType) || (info.IsGenericMethod && info.GetGenericArguments().Any(Mentions))))
                             || method.GetParameters().Any(p => Mentions(p.ParameterType)),
        FieldInfo field => Mentions(field.DeclaringType) || Mentions(field.FieldType),
        _ => Mentions(member.DeclaringType),
    };

    /// <summary>Every place <paramref name="type"/> names Continuity: base type, interfaces, fields, properties, method signatures and bodies.</summary>
    private static IEnumerable<string> ReferencesIntoContinuity(Type type)
    {
        if (Mentions(type.BaseType))
        {
            yield return $"{type.FullName} derives from {type.BaseType}";
        }

        foreach (var face in type.GetInterfaces().Where(Mentions))
        {
            yield return $"{type.FullName} implements {face}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => Mentions(f.FieldType)))
        {
            yield return $"{type.FullName}.{field.Name} is a {field.FieldType}";
        }

        foreach (var property in type.GetProperties(Declared).Where(p => Mentions(p.PropertyType)))
        {
            yield return $"{type.FullName}.{property.Name} is a {property.PropertyType}";
        }

        foreach (var method in MethodBodies.DeclaredMethods(type))
        {
            if (method is MethodInfo info && Mentions(info.ReturnType))
            {
                yield return $"{type.FullName}.{method.Name} returns {info.ReturnType}";
            }

            foreach (var parameter in method.GetParameters().Where(p => Mentions(p.ParameterType)))
            {
                yield return $"{type.FullName}.{method.Name} takes {parameter.ParameterType}";
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables.Where(l => Mentions(l.LocalType)) ?? [])
            {
                yield return $"{type.FullName}.{method.Name} keeps a {local.LocalType}";
            }

            foreach (var used in BodyReferences(method))
            {
                yield return $"{type.FullName}.{method.Name} uses {used}";
            }
        }
    }

    /// <summary>The members and strings a method's IL names that mention Continuity.</summary>
    private static IEnumerable<string> BodyReferences(MethodBase method) =>
        MethodBodies.MembersUsedBy(method).Where(Mentions).Select(member => $"{member.DeclaringType?.FullName}.{member.Name}")
            .Concat(MethodBodies.StringsUsedBy(method)
                .Where(text => text.Contains(ContinuityNamespace, StringComparison.Ordinal))
                .Select(text => $"the string \"{text}\""));
}
