using Mss.Core.Integration;

// tests/integration/run calls this console three ways (issue 26):
//   mailboxes   prints the test operator's boxes as Postfix's virtual_mailbox_maps (the patients' INS keys computed
//               by Mss.Core), before the servers start;
//   test        runs the end-to-end scenarios against the running Postfix and Dovecot; ends with "N passed, N failed";
//   serve       serves the token endpoint only, printing a token per box, until Ctrl-C (a vendor's own tests).
switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "mailboxes":
        TestBoxes.WriteMailboxMap(Console.Out);
        return 0;
    case "test":
        return await EndToEnd.RunAsync(TestOperator.FromEnvironment()).ConfigureAwait(false);
    case "serve":
        return await EndToEnd.ServeAsync(TestOperator.FromEnvironment()).ConfigureAwait(false);
    default:
        Console.Error.WriteLine("usage: Mss.Core.Integration mailboxes | test | serve (started by tests/integration/run)");
        return 2;
}
