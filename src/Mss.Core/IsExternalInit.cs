#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

/// <summary>Lets records and init accessors compile on netstandard2.0 (the type ships with .NET 5+).</summary>
internal static class IsExternalInit
{
}
#endif
