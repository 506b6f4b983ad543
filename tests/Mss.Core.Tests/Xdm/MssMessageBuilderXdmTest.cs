using MimeKit;
using Mss.Core.Mime;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Mime.MimeTestSupport;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-1, REF2-2, REF2-3, REF2-4: what the message carries on the wire, read back after serialisation.
public class MssMessageBuilderXdmTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.durand@ch-lemans.mssante.fr");
    private static readonly MssAddress Colleague = MssAddress.Parse("secretariat.cardio@chu-nantes.mssante.fr");

    private static MssMessageBuilder Message() => new MssMessageBuilder(Doctor).To(Colleague).Subject("Lettre de liaison").TextBody("Bonjour");

    [Fact]
    public void ProductReference_XMssNil_OnEveryMessage()
    {
        MssMessageBuilder builder = Message().ProductReference("  ABC-123-XYZ ");
        MimeMessage first = RoundTrip(builder.Build());
        MimeMessage second = RoundTrip(builder.Build());
        Assert.Equal("ABC-123-XYZ", first.Headers["X-MSS-NIL"]);
        Assert.Equal("ABC-123-XYZ", second.Headers["X-MSS-NIL"]);
    }

    // REF2-1 on every message: BuildPerPatient's messages carry X-MSS-NIL and the archive's headers too (ADDR-7).
    [Fact]
    public void BuildPerPatient_EveryMessageCarriesTheReferentielHeaders()
    {
        XdmPackage package = Builder().AddCda("sortie.xml", LdlSes).Build();
        IReadOnlyList<MimeMessage> messages = Message()
            .To(MssAddress.Parse("279035121518989@patient.mssante.fr"))
            .To(MssAddress.Parse("185052A12345633@patient.mssante.fr"))
            .ProductReference("ABC-123-XYZ").AttachXdm(package).BuildPerPatient();
        Assert.Equal(2, messages.Count);
        foreach (MimeMessage message in messages.Select(RoundTrip))
        {
            Assert.Equal("ABC-123-XYZ", message.Headers["X-MSS-NIL"]);
            Assert.Equal("11490-0", message.Headers["X-MSS-CODECDA"]);
            Assert.Equal("O", message.Headers["X-MSS-INS"]);
            Assert.Equal("IHE_XDM.ZIP", message.Attachments.OfType<MimePart>().Single().FileName);
        }
    }

    [Fact]
    public void NoProductReference_NoXMssNil()
    {
        Assert.False(RoundTrip(Message().Build()).Headers.Contains("X-MSS-NIL"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABC\r\nBcc: victim@example.org")]
    [InlineData("référence")]
    public void ProductReference_Refused(string reference)
    {
        Assert.Throws<ArgumentException>(() => Message().ProductReference(reference));
    }

    [Fact]
    public void AttachXdm_Cda_ZipAndHeaders()
    {
        XdmPackage package = Builder().AddCda("entree.xml", LdlEes).AddCda("sortie.xml", LdlSes).Build();
        MimeMessage message = RoundTrip(Message().AttachXdm(package).Build());
        Assert.Equal("18761-7,11490-0", message.Headers["X-MSS-CODECDA"]);
        Assert.Equal("O", message.Headers["X-MSS-INS"]);
        MimePart zip = message.Attachments.OfType<MimePart>().Single();
        Assert.Equal("IHE_XDM.ZIP", zip.FileName);
        Assert.True(zip.ContentType.IsMimeType("application", "zip"));
        using var bytes = new MemoryStream();
        zip.Content!.DecodeTo(bytes);
        Assert.Equal(package.ToZip(), bytes.ToArray());
        Assert.True(XdmPackage.TryRead(new MemoryStream(bytes.ToArray()), out XdmPackage? read, out _));
        Assert.Equal(new[] { "18761-7", "11490-0" }, read!.CdaCodes);
    }

    [Fact]
    public void AttachXdm_CdaWithoutQualifiedIns_InsN()
    {
        string cda = System.Text.Encoding.UTF8.GetString(LdlSes).Replace("<birthTime value=\"19790328\"/>", string.Empty, StringComparison.Ordinal);
        XdmPackage package = Builder().AddCda("sortie.xml", Utf8(cda)).Build();
        MimeMessage message = RoundTrip(Message().AttachXdm(package).Build());
        Assert.Equal("N", message.Headers["X-MSS-INS"]);
        Assert.Equal("11490-0", message.Headers["X-MSS-CODECDA"]);
    }

    [Fact]
    public void AttachXdm_NoCda_NoCdaHeaders()
    {
        XdmPackage package = NonCdaBuilder().AddDocument("cr.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "Compte rendu").Build();
        MimeMessage message = RoundTrip(Message().AttachXdm(package).Build());
        Assert.False(message.Headers.Contains("X-MSS-CODECDA"));
        Assert.False(message.Headers.Contains("X-MSS-INS"));
        Assert.Single(message.Attachments);
    }

    [Fact]
    public void AttachXdm_Twice_Refused()
    {
        XdmPackage package = Builder().AddCda("sortie.xml", LdlSes).Build();
        MssMessageBuilder builder = Message().AttachXdm(package);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => builder.AttachXdm(package));
        Assert.Contains("one IHE_XDM.ZIP", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Message().AttachXdm(null!));
    }

    [Fact]
    public void AttachStream_ReadToEnd()
    {
        byte[] pdf = Utf8("%PDF-1.4\n%%EOF\n");
        using var stream = new MemoryStream(pdf);
        MimeMessage message = RoundTrip(Message().Attach("cr.pdf", stream, "application/pdf").Build());
        MimePart part = message.Attachments.OfType<MimePart>().Single();
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        Assert.Equal(pdf, bytes.ToArray());
        Assert.Equal("cr.pdf", part.FileName);
        Assert.Throws<ArgumentNullException>(() => Message().Attach("cr.pdf", (Stream)null!, "application/pdf"));
        Assert.Throws<ArgumentException>(() => Message().Attach("cr.pdf", new MemoryStream(pdf), "multipart/mixed"));
    }
}
