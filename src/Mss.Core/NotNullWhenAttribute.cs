#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>Lets nullable analysis know an <c>out</c> value is set when a Try method returns <see cref="ReturnValue"/> (ships with .NET Core 3.0+).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
#endif
