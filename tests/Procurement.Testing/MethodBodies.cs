using System.Reflection;
using System.Reflection.Emit;

namespace Procurement.Testing;

/// <summary>
/// What a method's body names, read from its IL: the members it calls, loads or takes a token of (a call, a <c>typeof</c>, a
/// field, a generic argument), and the strings it loads. Architecture tests use it to find references a signature does not show.
/// </summary>
public static class MethodBodies
{
    /// <summary>Every member of every type an assembly declares may be read: public or not, static or not, declared there.</summary>
    public const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The methods and constructors <paramref name="type"/> declares itself (not inherited ones).</summary>
    public static IEnumerable<MethodBase> DeclaredMethods(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
    }

    /// <summary>The members <paramref name="method"/>'s IL names (calls, fields, types, tokens), in order, unresolvable ones left out.</summary>
    public static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method) =>
        Operands(method).Select(o => o.Member).OfType<MemberInfo>();

    /// <summary>The strings <paramref name="method"/>'s IL loads, in order.</summary>
    public static IEnumerable<string> StringsUsedBy(MethodBase method) =>
        Operands(method).Select(o => o.Text).OfType<string>();

    private static IEnumerable<(MemberInfo? Member, string? Text)> Operands(MethodBase method)
    {
        ArgumentNullException.ThrowIfNull(method);
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
                    yield return (method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments), null);
                    position += 4;
                    break;
                case OperandType.InlineString:
                    yield return (null, method.Module.ResolveString(BitConverter.ToInt32(il, position)));
                    position += 4;
                    break;
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
