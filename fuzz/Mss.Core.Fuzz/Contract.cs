using System.Globalization;

namespace Mss.Core.Fuzz;

/// <summary>A broken contract found by a target.</summary>
internal sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The assertions targets make. A failed one throws <see cref="ContractViolationException"/>.</summary>
internal static class Contract
{
    public static void That(bool condition, string rule)
    {
        if (!condition)
        {
            throw new ContractViolationException(rule);
        }
    }

    public static void Equal<T>(T expected, T actual, string rule)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new ContractViolationException(string.Create(CultureInfo.InvariantCulture, $"{rule}: expected {expected}, got {actual}"));
        }
    }

    /// <summary>INS-8: a text meant for logs or exceptions never holds the 15-character matricule in clear.</summary>
    public static void NoClearIns(string? text, string matricule, string rule)
    {
        if (text is not null && matricule.Length == InsMatricule.Length && text.Contains(matricule, StringComparison.Ordinal))
        {
            throw new ContractViolationException(rule + " (INS-8)");
        }
    }

    /// <summary>
    /// Runs a Parse: it either succeeds or throws a <see cref="FormatException"/> of type <typeparamref name="TException"/>
    /// (the API's contract); anything else escapes and is a violation.
    /// </summary>
    public static bool Parses<T, TException>(Func<T> parse, out T result, out TException? exception)
        where TException : FormatException
    {
        try
        {
            result = parse();
            exception = null;
            return true;
        }
        catch (TException e)
        {
            // The contract asks for a subclass that carries an error enum, not a bare FormatException.
            That(e.GetType() != typeof(FormatException), "Parse threw a bare FormatException; the contract asks for a subclass that carries the error enum");
            result = default!;
            exception = e;
            return false;
        }
        catch (Exception e) when (e is not ContractViolationException)
        {
            throw new ContractViolationException(
                $"Parse threw {e.GetType().Name}; only ArgumentNullException (for a null argument) or {(typeof(TException) == typeof(FormatException) ? "a FormatException subclass" : typeof(TException).Name)} are allowed", e);
        }
    }
}
