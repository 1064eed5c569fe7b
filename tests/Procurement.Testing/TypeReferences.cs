using System.Reflection;
using System.Reflection.Emit;

namespace Procurement.Testing;

/// <summary>
/// Where a type names a set of other types, in a signature or in a method body: the architecture tests' one scanner
/// (Continuity above the Contracting core, the domain without HTTP). Bodies are read as IL, so a call, a <c>typeof</c>, a
/// generic argument or a namespace written as a string are caught as well as fields and parameters.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

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

            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
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

        /// <summary>The members and strings a method's IL names that are forbidden.</summary>
        private IEnumerable<string> BodyReferences(MethodBase method)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                yield break;
            }

            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var position = 0;
            while (position < il.Length)
            {
                short value = il[position++];
                if (value == 0xFE)
                {
                    value = (short)(0xFE00 | il[position++]);
                }

                var opCode = OpCodesByValue[value];
                switch (opCode.OperandType)
                {
                    case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    {
                        var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                        if (member is not null && Mentions(member))
                        {
                            yield return $"{member.DeclaringType?.FullName}.{member.Name}";
                        }

                        position += 4;
                        break;
                    }

                    case OperandType.InlineString:
                    {
                        var text = method.Module.ResolveString(BitConverter.ToInt32(il, position));
                        if (forbiddenText is not null && text.Contains(forbiddenText, StringComparison.Ordinal))
                        {
                            yield return $"the string \"{text}\"";
                        }

                        position += 4;
                        break;
                    }

                    case OperandType.InlineSwitch:
                        position += 4 + (4 * BitConverter.ToInt32(il, position));
                        break;
                    default:
                        position += OperandSize(opCode.OperandType);
                        break;
                }
            }
        }

        private static int OperandSize(OperandType operand) => operand switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };
    }
}
