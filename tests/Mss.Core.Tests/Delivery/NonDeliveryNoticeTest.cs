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
}
