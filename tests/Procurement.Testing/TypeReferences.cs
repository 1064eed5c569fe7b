using System.Reflection;

namespace Procurement.Testing;

/// <summary>
/// Where a type names a set of other types, in a signature or in a method body: the architecture tests' one scanner
/// (Continuity above the Contracting core, the domain without HTTP). Bodies are read as IL, so a call, a <c>typeof</c>, a
/// generic argument or a namespace written as a string are caught as well as fields and parameters.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = MethodBodies.Declared;

    /// <summary>
    /// Every place <paramref name="type"/> names a type <paramref name="forbidden"/> picks out (or one built from it, e.g. a
    /// list of it): base type, interfaces, fields, properties, method signatures, locals and bodies; and every string in its
    /// bodies that contains <paramref name="forbiddenText"/>, if given.
    /// </summary>
    public static IEnumerable<string> Into(Type type, Func<Type, bool> forbidden, string? forbiddenText = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(forbidden);
        var scan = new Scan(forbidden, forbiddenText);
        return scan.References(type);
    }

    private sealed class Scan(Func<Type, bool> forbidden, string? forbiddenText)
    {
        /// <summary>Whether <paramref name="type"/> is, or is built from, a forbidden type.</summary>
        private bool Mentions(Type? type)
        {
            if (type is null || type.IsGenericParameter)
            {
                return false;
            }

            if (type.HasElementType)
            {
                return Mentions(type.GetElementType());
            }

            return forbidden(type) || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));
        }

        private bool Mentions(MemberInfo member) => member switch
        {
            Type type => Mentions(type),
            MethodBase method => Mentions(method.DeclaringType)
                                 || (method is MethodInfo info && (Mentions(info.ReturnType) || (info.IsGenericMethod && info.GetGenericArguments().Any(Mentions))))
                                 || method.GetParameters().Any(p => Mentions(p.ParameterType)),
            FieldInfo field => Mentions(field.DeclaringType) || Mentions(field.FieldType),
            _ => Mentions(member.DeclaringType),
        };

        public IEnumerable<string> References(Type type)
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

        /// <summary>The members and strings a method's IL names that are forbidden (<see cref="MethodBodies"/> reads the IL).</summary>
        private IEnumerable<string> BodyReferences(MethodBase method) =>
            MethodBodies.MembersUsedBy(method).Where(Mentions).Select(member => $"{member.DeclaringType?.FullName}.{member.Name}")
                .Concat(forbiddenText is null
                    ? []
                    : MethodBodies.StringsUsedBy(method).Where(text => text.Contains(forbiddenText, StringComparison.Ordinal)).Select(text => $"the string \"{text}\""));
    }
}
