using System.Security.Cryptography.X509Certificates;
#if !NET5_0_OR_GREATER
using System.Reflection;
#endif

namespace Mss.Core.Transport;

/// <summary>
/// REF1-2 "IGC-Santé is the only authority" (ECO.1.1.10): a chain policy that trusts the caller's anchors and never the
/// system store. .NET 5+ has it (<c>X509ChainTrustMode.CustomRootTrust</c>); the netstandard2.0 build finds it by
/// reflection when it runs on .NET 5+ (.NET 6 and 7 consumers get that build), and does without on .NET Framework.
/// </summary>
internal static class CustomRootTrust
{
#if NET5_0_OR_GREATER
    /// <summary>Whether custom root trust exists on this runtime.</summary>
    internal const bool Available = true;

    /// <summary>Trusts <paramref name="anchors"/> only.</summary>
    internal static bool TryUse(X509ChainPolicy policy, X509Certificate2[] anchors)
    {
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors);
        return true;
    }
#else
    private static readonly PropertyInfo? TrustMode = typeof(X509ChainPolicy).GetProperty("TrustMode");
    private static readonly PropertyInfo? CustomTrustStore = typeof(X509ChainPolicy).GetProperty("CustomTrustStore");

    /// <summary>Whether custom root trust exists on this runtime.</summary>
    internal static bool Available => TrustMode is not null && CustomTrustStore is not null;

    /// <summary>Trusts <paramref name="anchors"/> only, when the runtime can; <see langword="false"/> on .NET Framework.</summary>
    internal static bool TryUse(X509ChainPolicy policy, X509Certificate2[] anchors)
    {
        if (!Available)
        {
            return false;
        }

        // X509ChainTrustMode.CustomRootTrust is 1.
        TrustMode!.SetValue(policy, System.Enum.ToObject(TrustMode.PropertyType, 1));
        ((X509Certificate2Collection)CustomTrustStore!.GetValue(policy)!).AddRange(anchors);
        return true;
    }
#endif
}
