using Frontdesk.Bench;

// Frontdesk's benchmark tool:
//   seed  --provider Sqlite|Postgres (--data-dir DIR | --connection CS) --tickets N   bulk-load realistic tickets
//   load  --url URL --email E --password P [--creates N] [--concurrency C] [--queries N] [--pid PID]
//   mail  --url URL --email E --password P --account A --account-password P [--mails N] [--imap-port P] [--smtp-port P] [--pid PID]
var options = Args.Parse(args);
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(options),
    "load" => await LoadGenerator.RunAsync(options),
    "mail" => await MailBench.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Frontdesk.Bench seed|load|mail [--options]; see bench/README.md");
    return 2;
}
