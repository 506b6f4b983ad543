using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Conversations;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests;

public class FrenchTextTest
{
    public static TheoryData<string, string[]> AllTexts() => new()
    {
        { nameof(AddressError), Texts<AddressError>(FrenchText.Describe) },
        { nameof(DomainVerdict), Texts<DomainVerdict>(FrenchText.Describe) },
        { nameof(InsError), Texts<InsError>(FrenchText.Describe) },
        { nameof(HealthIdentifierError), Texts<HealthIdentifierError>(FrenchText.Describe) },
        { nameof(ConversationDenial), Texts<ConversationDenial>(FrenchText.Describe) },
        { nameof(MailboxRefusal), Texts<MailboxRefusal>(FrenchText.Describe) },
        { nameof(NonDeliveryReason), Texts<NonDeliveryReason>(FrenchText.Describe) },
        { nameof(InsMismatches), Texts<InsMismatches>(FrenchText.Describe) },
    };

    // Issue 12: every value of each enum has its own non-empty French sentence, free of any INS (INS-8).
    [Theory]
    [MemberData(nameof(AllTexts))]
    public void EveryValue_HasOwnSentence(string enumName, string[] texts)
    {
        Assert.NotEmpty(texts);
        Assert.Equal(texts.Length, texts.Distinct(StringComparer.Ordinal).Count());
        foreach (string text in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), enumName);
            Assert.True(char.IsUpper(text[0]), text);
            Assert.EndsWith(".", text, StringComparison.Ordinal);
            AssertNoIns(text);
            Assert.DoesNotMatch("[A-Z][a-z]+[A-Z]", text.Replace("MSSanté", string.Empty, StringComparison.Ordinal)); // no raw enum name (NotMssante…)
        }
    }

    // Every sentence of every enum differs from every other: a user never sees the same words for two different causes.
    [Fact]
    public void AllSentences_DistinctAcrossEnums()
    {
        string[] all = AllTexts().SelectMany(row => (string[])row[1]).ToArray();
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ValueCounts_AsThe02Contract()
    {
        Assert.Equal(9, Texts<NonDeliveryReason>(FrenchText.Describe).Length);
        Assert.Equal(5, Texts<ConversationDenial>(FrenchText.Describe).Length);
        Assert.Contains("réponse", FrenchText.Describe(ConversationDenial.MessageNotRepliable), StringComparison.Ordinal);
    }

    // Undefined values throw ArgumentOutOfRangeException (documented): a sentence for an unknown verdict would mislead.
    [Fact]
    public void UndefinedValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((AddressError)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((DomainVerdict)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((InsError)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((HealthIdentifierError)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((ConversationDenial)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((MailboxRefusal)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((NonDeliveryReason)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((InsMismatches)16));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe(InsMismatches.Sex | (InsMismatches)32));
    }

    // InsMismatches combinations: each flag's sentence in flag order; a sex or year mismatch adds the seed 000 hint.
    [Fact]
    public void InsMismatches_Combination_JoinsFlagSentences()
    {
        string sex = FrenchText.Describe(InsMismatches.Sex);
        string year = FrenchText.Describe(InsMismatches.BirthYear);
        string month = FrenchText.Describe(InsMismatches.BirthMonth);
        string place = FrenchText.Describe(InsMismatches.BirthPlace);
        string parent = FrenchText.Describe(InsMismatches.Sex | InsMismatches.BirthYear | InsMismatches.BirthMonth);
        Assert.StartsWith(sex + " " + year + " " + month + " ", parent, StringComparison.Ordinal);
        Assert.Contains("carte Vitale d'un parent", parent, StringComparison.Ordinal);
        Assert.Equal(month + " " + place, FrenchText.Describe(InsMismatches.BirthMonth | InsMismatches.BirthPlace));
        Assert.DoesNotContain("parent", sex, StringComparison.Ordinal);
    }

    // Every one of the 16 combinations: non-empty, distinct, no INS.
    [Property]
    public bool InsMismatches_AnyCombination_NonEmptyAndDistinct(byte a, byte b)
    {
        var x = (InsMismatches)(a % 16);
        var y = (InsMismatches)(b % 16);
        string tx = FrenchText.Describe(x);
        string ty = FrenchText.Describe(y);
        return tx.Length > 0 && !ContainsIns(tx) && (x == y) == (tx == ty);
    }

    // The identity check sentences now live in FrenchText; they hold no matricule (INS-8).
    [Property(Arbitrary = [typeof(InsGenerators)])]
    public bool IdentityCheckSentence_NeverHoldsTheIns(InsBody body)
    {
        InsMatricule ins = InsMatricule.FromBody(body.Value);
        InsIdentityCheck check = InsIdentityCheck.AsOf(ins, new NodaTime.LocalDate(2026, 11, 30));
        return !check.ToFrenchSentence().Contains(ins.ToString(), StringComparison.Ordinal)
            && !ContainsIns(check.ToFrenchSentence()) && check.FrenchLines.All(l => !ContainsIns(l));
    }

    private static string[] Texts<T>(Func<T, string> describe)
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        if (typeof(T) == typeof(InsMismatches))
        {
            values = Enumerable.Range(0, 16).Select(i => (T)(object)(InsMismatches)i).ToArray();
        }

        return values.Select(describe).ToArray();
    }

    private static void AssertNoIns(string text) => Assert.False(ContainsIns(text), text);

    /// <summary>True when the text holds a run of 13 digits or more, or any 15 characters that parse as a matricule, even leniently.</summary>
    private static bool ContainsIns(string text)
    {
        if (Regex.IsMatch(text, "[0-9]{13}"))
        {
            return true;
        }

        for (int i = 0; i + 15 <= text.Length; i++)
        {
            if (InsMatricule.TryParse(text.AsSpan(i, 15), out _))
            {
                return true;
            }
        }

        string digits = new(text.Where(c => char.IsAsciiDigit(c) || c is 'A' or 'B').ToArray());
        for (int i = 0; i + 15 <= digits.Length; i++)
        {
            if (InsMatricule.TryParse(digits.AsSpan(i, 15), out _))
            {
                return true;
            }
        }

        return false;
    }
}
