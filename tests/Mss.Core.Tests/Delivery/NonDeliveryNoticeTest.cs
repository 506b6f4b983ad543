using Mss.Core.Delivery;

namespace Mss.Core.Tests.Delivery;

public class NonDeliveryNoticeTest
{
    private const string Address = "279035121518989@patient.mssante.fr";

    // DEL-2: the three texts copied character for character from DOMAIN.md (seed 001), with the address as sent.
    [Theory]
    [InlineData(NonDeliveryReason.AddressDoesNotExist, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.")]
    [InlineData(NonDeliveryReason.MailboxClosed, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.")]
    [InlineData(NonDeliveryReason.AddressInvalid, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.")]
    public void Text_IsTheExactDel2Text(NonDeliveryReason reason, string expected)
    {
        Assert.Equal(expected, NonDeliveryNotice.Text(reason, Address));
    }

    // DEL-2: {address} is the address as sent, even when it is not a valid INS (the "invalidé" case).
    [Fact]
    public void Text_KeepsTheAddressAsSent_EvenInvalid()
    {
        Assert.Equal(
            "Le message que vous avez envoyé à l'adresse \"27903512151898@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.",
            NonDeliveryNotice.Text(NonDeliveryReason.AddressInvalid, "27903512151898@patient.mssante.fr"));
    }

    [Fact]
    public void Text_RefusesNullAddressAndUndefinedReason()
    {
        Assert.Throws<ArgumentNullException>(() => NonDeliveryNotice.Text(NonDeliveryReason.MailboxClosed, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonDeliveryNotice.Text((NonDeliveryReason)42, Address));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonDeliveryNotice.Text((NonDeliveryReason)9, MssAddress.Parse(Address)));
        Assert.Throws<ArgumentException>(() => NonDeliveryNotice.Text(NonDeliveryReason.MailboxClosed, default(MssAddress)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonDeliveryNotice.StatusCode((NonDeliveryReason)(-1)));
    }

    // DEL-2 (decided here): 5.1.1 does not exist, 5.2.1 closed, 5.1.3 invalid; and back.
    [Theory]
    [InlineData(NonDeliveryReason.AddressDoesNotExist, "5.1.1")]
    [InlineData(NonDeliveryReason.MailboxClosed, "5.2.1")]
    [InlineData(NonDeliveryReason.AddressInvalid, "5.1.3")]
    public void StatusCode_AndBack(NonDeliveryReason reason, string code)
    {
        Assert.Equal(code, NonDeliveryNotice.StatusCode(reason));
        Assert.True(NonDeliveryNotice.TryFromStatusCode(code, out NonDeliveryReason back));
        Assert.Equal(reason, back);
        Assert.True(NonDeliveryNotice.TryFromStatusCode(" " + code + " (comment)", out back));
        Assert.Equal(reason, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5.0.0")]
    [InlineData("4.2.1")]
    [InlineData("5.1.10")]
    [InlineData("55.1.1")]
    public void TryFromStatusCode_OtherCodes_NotRecognised(string? code)
    {
        Assert.False(NonDeliveryNotice.TryFromStatusCode(code, out _));
    }

    // DEL-2: the French text decides; found inside a longer text, the address between the quotes.
    [Fact]
    public void TryFind_FindsTheTextInsideAnEmail()
    {
        string body = "Bonjour,\r\n\r\nLe message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.\r\n\r\nCordialement";
        Assert.True(NonDeliveryNotice.TryFind(body, out NonDeliveryReason reason, out string? address));
        Assert.Equal(NonDeliveryReason.MailboxClosed, reason);
        Assert.Equal(Address, address);
    }

    // DEL-2: what mail software does to a long sentence: hard line wraps, decomposed accents, curly apostrophes, no final period.
    [Fact]
    public void TryFind_ToleratesWrappingDecomposedAccentsAndCurlyApostrophes()
    {
        string wrapped = "Le message que vous avez envoye\u0301 a\u0300 l\u2019adresse \"279035121518989@patient.mssante.fr\"\r\n n\u2019a pas pu\r\n  e\u0302tre distribue\u0301, car cette adresse Mon espace sante\u0301\r\n est invalide\u0301";
        Assert.True(NonDeliveryNotice.TryFind(wrapped, out NonDeliveryReason reason, out string? address));
        Assert.Equal(NonDeliveryReason.AddressInvalid, reason);
        Assert.Equal(Address, address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("This is the mail system at host mx.example.org.")]
    [InlineData("Le message que vous avez envoyé à l'adresse \"x@y.mssante.fr\" n'a pas pu être distribué, car le serveur est en panne.")]
    [InlineData("Le message que vous avez envoyé à l'adresse \"x@y.mssante.fr")]
    [InlineData("\uD800 Le message que vous avez envoyé")]
    public void TryFind_OtherTexts_NotRecognised(string? text)
    {
        Assert.False(NonDeliveryNotice.TryFind(text, out _, out string? address));
        Assert.Null(address);
    }

    // DEL-2 (0.2): Text(reason, MssAddress) gives the exact DEL-2 text for a patient address.
    [Theory]
    [InlineData(NonDeliveryReason.AddressDoesNotExist, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.")]
    [InlineData(NonDeliveryReason.MailboxClosed, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.")]
    [InlineData(NonDeliveryReason.AddressInvalid, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.")]
    public void Text_PatientMssAddress_IsTheExactDel2Text(NonDeliveryReason reason, string expected)
    {
        Assert.Equal(expected, NonDeliveryNotice.Text(reason, MssAddress.Parse(Address)));
    }

    // DEL-2 (0.2): a professional address gets French texts that do not name Mon espace santé, for every reason.
    [Theory]
    [InlineData(NonDeliveryReason.AddressDoesNotExist, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car cette adresse n'existe pas.")]
    [InlineData(NonDeliveryReason.MailboxClosed, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car la boîte aux lettres de votre destinataire est fermée.")]
    [InlineData(NonDeliveryReason.AddressInvalid, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car cette adresse est invalide.")]
    [InlineData(NonDeliveryReason.MailboxFull, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car la boîte aux lettres de votre destinataire est pleine.")]
    [InlineData(NonDeliveryReason.MessageTooLarge, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car il dépasse la taille acceptée par le serveur de votre destinataire.")]
    [InlineData(NonDeliveryReason.DomainNotFound, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car le domaine de cette adresse n'existe pas ou n'a pas de serveur de messagerie.")]
    [InlineData(NonDeliveryReason.Refused, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car le serveur de votre destinataire l'a refusé.")]
    [InlineData(NonDeliveryReason.Expired, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car le délai de distribution est dépassé.")]
    [InlineData(NonDeliveryReason.Other, "Le message que vous avez envoyé à l'adresse \"dr.martin@chu-nantes.mssante.fr\" n'a pas pu être distribué, car une erreur est survenue lors de sa distribution.")]
    public void Text_ProfessionalAddress_FrenchWithoutMonEspaceSante(NonDeliveryReason reason, string expected)
    {
        string text = NonDeliveryNotice.Text(reason, MssAddress.Parse("dr.martin@chu-nantes.mssante.fr"));
        Assert.Equal(expected, text);
        Assert.DoesNotContain("Mon espace santé", text, StringComparison.Ordinal);
        Assert.Equal(expected, NonDeliveryNotice.Text(reason, "dr.martin@chu-nantes.mssante.fr"));
    }

    // DEL-6 (decided here): a status code for every reason; TryFromStatusCode is its exact reverse except 5.0.0 (Other), which names nothing specific.
    [Theory]
    [InlineData(NonDeliveryReason.MailboxFull, "5.2.2")]
    [InlineData(NonDeliveryReason.MessageTooLarge, "5.3.4")]
    [InlineData(NonDeliveryReason.DomainNotFound, "5.1.2")]
    [InlineData(NonDeliveryReason.Refused, "5.7.1")]
    [InlineData(NonDeliveryReason.Expired, "5.4.7")]
    public void StatusCode_NewReasons_AndBack(NonDeliveryReason reason, string code)
    {
        Assert.Equal(code, NonDeliveryNotice.StatusCode(reason));
        Assert.True(NonDeliveryNotice.TryFromStatusCode(code, out NonDeliveryReason back));
        Assert.Equal(reason, back);
    }

    [Fact]
    public void StatusCode_Other_IsGenericAndNotReadBack()
    {
        Assert.Equal("5.0.0", NonDeliveryNotice.StatusCode(NonDeliveryReason.Other));
        Assert.False(NonDeliveryNotice.TryFromStatusCode("5.0.0", out _));
    }

    // DEL-2 (0.2): found whatever the quotes, and with "invalide" as well as "invalidé".
    [Theory]
    [InlineData("Le message que vous avez envoyé à l'adresse « 279035121518989@patient.mssante.fr » n'a pas pu être distribué, car cette adresse Mon espace santé est invalide.", NonDeliveryReason.AddressInvalid)]
    [InlineData("Le message que vous avez envoyé à l'adresse «\u00A0279035121518989@patient.mssante.fr\u00A0» n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.", NonDeliveryReason.AddressDoesNotExist)]
    [InlineData("Le message que vous avez envoyé à l'adresse “279035121518989@patient.mssante.fr” n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.", NonDeliveryReason.MailboxClosed)]
    [InlineData("Le message que vous avez envoyé à l'adresse '279035121518989@patient.mssante.fr' n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.", NonDeliveryReason.AddressInvalid)]
    [InlineData("Le message que vous avez envoyé à l’adresse ‘279035121518989@patient.mssante.fr’ n’a pas pu être distribué, car cette adresse Mon espace santé n’existe pas", NonDeliveryReason.AddressDoesNotExist)]
    public void TryFind_AnyQuotesAndInvalide(string text, NonDeliveryReason expected)
    {
        Assert.True(NonDeliveryNotice.TryFind(text, out NonDeliveryReason reason, out string? address));
        Assert.Equal(expected, reason);
        Assert.Equal(Address, address);
    }

    // Every text Text writes is found again by TryFind, with its reason and address (patient and professional wording).
    [Fact]
    public void TryFind_FindsEveryTextOfTheTable()
    {
        foreach (NonDeliveryReason reason in Enum.GetValues<NonDeliveryReason>())
        {
            foreach (string address in new[] { Address, "dr.martin@chu-nantes.mssante.fr" })
            {
                Assert.True(NonDeliveryNotice.TryFind("Bonjour,\n" + NonDeliveryNotice.Text(reason, address) + "\nCordialement", out NonDeliveryReason back, out string? found));
                Assert.Equal(reason, back);
                Assert.Equal(address, found);
            }
        }
    }

    // Issue 16: a rejected candidate does not make the search start over; the text after many false starts is still found.
    [Fact]
    public void TryFind_AfterManyFalseStarts_StillFindsTheText()
    {
        string prefix = string.Concat(Enumerable.Repeat("Le message que vous avez envoyé à l'adresse \"", 100_000));
        Assert.False(NonDeliveryNotice.TryFind(prefix, out _, out _));
        Assert.True(NonDeliveryNotice.TryFind(prefix + NonDeliveryNotice.Text(NonDeliveryReason.MailboxClosed, Address), out NonDeliveryReason reason, out string? address));
        Assert.Equal(NonDeliveryReason.MailboxClosed, reason);
        Assert.Equal(Address, address);
    }
    // DEL-2: a bounce may begin with the word "Adresse" (a field name) before the French text.
    [Fact]
    public void TryFind_TextStartingWithAdresse_StillFound()
    {
        string text = "Adresse : " + Address + "\n" + NonDeliveryNotice.Text(NonDeliveryReason.AddressInvalid, Address);
        Assert.True(NonDeliveryNotice.TryFind(text, out NonDeliveryReason reason, out string? address));
        Assert.Equal(NonDeliveryReason.AddressInvalid, reason);
        Assert.Equal(Address, address);
    }

    // DEL-2: the address is between quotes (straight, typographic or guillemets); backquotes or none are not the text.
    [Theory]
    [InlineData("Le message que vous avez envoyé à l'adresse `279035121518989@patient.mssante.fr` n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.")]
    [InlineData("Le message que vous avez envoyé à l'adresse x279035121518989@patient.mssante.frx n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.")]
    public void TryFind_AddressNotBetweenQuotes_NotRecognised(string text)
    {
        Assert.False(NonDeliveryNotice.TryFind(text, out _, out string? address));
        Assert.Null(address);
    }

    // The search looks for the closing quote over at most 512 characters of address.
    [Fact]
    public void TryFind_AddressOf512Characters_Found_513_NotFound()
    {
        string longest = new string('a', 512 - "@x.fr".Length) + "@x.fr";
        Assert.True(NonDeliveryNotice.TryFind(NonDeliveryNotice.Text(NonDeliveryReason.Other, longest), out _, out string? found));
        Assert.Equal(longest, found);
        Assert.False(NonDeliveryNotice.TryFind(NonDeliveryNotice.Text(NonDeliveryReason.Other, "a" + longest), out _, out _));
    }

    // Two texts one after the other, addresses in single quotes: "n'a" and "l'adresse" hold the same quote, and each
    // address ends at its own closing quote.
    [Fact]
    public void FindAll_TwoTextsInSingleQuotes_EachWithItsAddress()
    {
        string first = "Le message que vous avez envoyé à l'adresse 'a@chu-nantes.mssante.fr' n'a pas pu être distribué, car cette adresse n'existe pas.";
        string second = "Le message que vous avez envoyé à l'adresse 'b@chu-nantes.mssante.fr' n'a pas pu être distribué, car la boîte aux lettres de votre destinataire est pleine.";
        List<(NonDeliveryReason Reason, string Address)> found = NonDeliveryNotice.FindAll(first + " " + second, 10);
        Assert.Equal(
            [(NonDeliveryReason.AddressDoesNotExist, "a@chu-nantes.mssante.fr"), (NonDeliveryReason.MailboxFull, "b@chu-nantes.mssante.fr")],
            found);
        Assert.True(NonDeliveryNotice.TryFind(first + " " + second, out _, out string? address));
        Assert.Equal("a@chu-nantes.mssante.fr", address);
    }

    [Fact]
    public void FindAll_StopsAtTheMaximum()
    {
        string text = string.Concat(Enumerable.Range(0, 3).Select(i => NonDeliveryNotice.Text(NonDeliveryReason.Other, $"user{i}@x.mssante.fr") + "\n"));
        Assert.Equal(["user0@x.mssante.fr", "user1@x.mssante.fr"], NonDeliveryNotice.FindAll(text, 2).Select(f => f.Address));
        Assert.Equal(3, NonDeliveryNotice.FindAll(text, 3).Count);
    }

    // An opening quote never closed: nothing is found, even when an ending of the table appears elsewhere in the text
    // (32 characters from the start is the length of " n'a pas pu être distribué, car ", where an ending would follow
    // a closing quote at index -1; 34, at index 1).
    [Theory]
    [InlineData(32)]
    [InlineData(34)]
    public void TryFind_QuoteNeverClosed_NotRecognised(int endingAt)
    {
        string text = new string('x', endingAt) + "cette adresse n'existe pas. Le message que vous avez envoyé à l'adresse \"a@x.mssante.fr";
        Assert.False(NonDeliveryNotice.TryFind(text, out _, out _));
        Assert.Empty(NonDeliveryNotice.FindAll(text, 10));
    }

    // DEL-2: the patient wording follows the domain of the address as sent, even with nothing before the @.
    [Fact]
    public void Text_AddressWithEmptyLocalPart_WordingOfItsDomain()
    {
        Assert.Equal(
            "Le message que vous avez envoyé à l'adresse \"@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.",
            NonDeliveryNotice.Text(NonDeliveryReason.AddressDoesNotExist, "@patient.mssante.fr"));
    }
}
