using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Email;

public interface IEmailSender
{
    Task Send(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty, mail is written to the mail folder instead of sent.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CloudOMS <no-reply@cloudoms.local>";
}

/// <summary>Sends through an SMTP server (options under "Email").</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task Send(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.EnableSsl };
        if (o.UserName is not null) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage { From = new MailAddress(o.From), Subject = subject, Body = htmlBody, IsBodyHtml = true };
        message.To.Add(to);
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Email \"{Subject}\" sent", subject);
    }
}

/// <summary>
/// The embedded default: each message becomes a file in the mail folder (and a log line), so
/// sign-up and password reset work with no mail server. Tests read the links from here.
/// </summary>
public sealed class FileEmailSender(string directory, TimeProvider clock, ILogger<FileEmailSender> logger) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task Send(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var text = $"To: {to}\nSubject: {subject}\nContent-Type: text/html; charset=utf-8\n\n{htmlBody}\n";
        await File.WriteAllTextAsync(Path.Combine(Directory, name), text, Encoding.UTF8, cancellationToken);
        logger.LogInformation("Email \"{Subject}\" written to {File} (no SMTP server configured)", subject, Path.Combine(Directory, name));
    }

    /// <summary>Messages to one address, oldest first.</summary>
    public IReadOnlyList<string> MessagesTo(string address) =>
        !System.IO.Directory.Exists(Directory) ? [] :
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order()
            .Select(File.ReadAllText)
            .Where(t => t.StartsWith($"To: {address}\n", StringComparison.OrdinalIgnoreCase))];
}
