using Mss.Core;
using NodaTime;

// Quickstart: validate an INS (from the arguments, or built-in examples), show what the sender must check (INS-7).
string[] inputs = args.Length > 0
    ? args
    : ["279035121518989", "1 85 05 2a 123 456 33", "279035121518990", "２７９035121518989"];
var today = new LocalDate(2026, 11, 23); // fixed so the output can be checked; a real program takes it from an IClock

Console.WriteLine("INS matricules");
foreach (string input in inputs)
{
    if (InsMatricule.TryParse(input, InsStyles.Lenient, out InsMatricule ins))
    {
        Console.WriteLine($"  {input,-24} valid     {ins.ToMaskedString()}  key {ins.Key:00}  anomalies: {ins.Anomalies}");
        Console.WriteLine($"  {"",-24}           {InsIdentityCheck.AsOf(ins, today).ToFrenchSentence()}");
    }
    else
    {
        Console.WriteLine($"  {input,-24} refused   {InsMatricule.Validate(input.AsSpan(), InsStyles.Lenient)}");
    }
}
