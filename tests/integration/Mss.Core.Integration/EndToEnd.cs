using System.Diagnostics;
using Mss.Core.Transport;

namespace Mss.Core.Integration;

/// <summary>Runs the scenarios of issue 26 one after the other and prints "N passed, N failed".</summary>
internal static class EndToEnd
{
    public static async Task<int> RunAsync(TestOperator server)
    {
        await using var tokens = new TokenEndpoint(server.IntrospectionPort, server.Pki(string.Empty));
        var scenarios = new Scenarios(server, tokens, Trust(server));
        (string Name, Func<CancellationToken, Task> Run)[] all =
        [
            ("1. a professional's message (token, MssMessageBuilder) read over IMAP by MssMessageReader", scenarios.ProfessionalMessageAsync),
            ("2. an application box sends with its client certificate; without one, refused", scenarios.ApplicationBoxAsync),
            ("3. a refused token: a fresh one asked for once, then MssConnectionException", scenarios.RefusedTokenAsync),
            ("4. a server of another PKI, for another host or revoked: refused before any token leaves", scenarios.UntrustedServerAsync),
            ("5. an unknown address of a served domain: Postfix's own bounce read by NonDeliveryReports", scenarios.BounceAsync),
            ("6. a read receipt made by ReadReceipts.Create travels back and is linked", scenarios.ReadReceiptAsync),
            ("7. an IHE_XDM.ZIP package travels and is read back intact by XdmPackage.TryRead", scenarios.XdmAsync),
            ("8. one message per patient (BuildPerPatient), each in its own box", scenarios.PerPatientAsync),
        ];
        int passed = 0, failed = 0;
        foreach ((string name, Func<CancellationToken, Task> run) in all)
        {
            var clock = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await run(timeout.Token).ConfigureAwait(false);
                passed++;
                Console.WriteLine($"passed  {name} ({clock.ElapsedMilliseconds} ms)");
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"FAILED  {name} ({clock.ElapsedMilliseconds} ms)");
                Console.WriteLine("        " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "));
                if (e is not ScenarioFailure)
                {
                    Console.WriteLine(e.ToString());
                }
            }
        }

        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Serves the token endpoint and prints a valid token for each box, until Ctrl-C (or SIGTERM).</summary>
    public static async Task<int> ServeAsync(TestOperator server)
    {
        await using var tokens = new TokenEndpoint(server.IntrospectionPort, server.Pki(string.Empty));
        Console.WriteLine($"Opérateur de test : SMTP {server.Host}:{server.SubmissionPort} et IMAP {server.Host}:{server.ImapPort} (STARTTLS),");
        Console.WriteLine($"autorités de test dans {server.Pki("ca.pem")}, certificat de BAL applicative {server.Pki("app.p12")} (sans mot de passe).");
        Console.WriteLine("Jetons XOAUTH2 valables pour cette session :");
        foreach (MssAddress box in TestBoxes.Served)
        {
            Console.WriteLine($"  {box}  {tokens.Issue(box)}");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    // The trust a vendor sets up: the IGC-Santé roots and intermediates from a PEM file (here: the test PKI's),
    // revocation checked online (the default) against the CRLs the test PKI publishes on 127.0.0.1.
    private static IgcSanteTrust Trust(TestOperator server) => IgcSanteTrust.FromPem(File.ReadAllText(server.Pki("ca.pem")));
}
