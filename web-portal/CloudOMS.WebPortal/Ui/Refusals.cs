using System.Globalization;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// A refusal as the person in front of the page reads it: in the circuit's language (the user's choice, else the
/// browser's). Refusals made in a silo arrive worded in every language; the others are worded here.
/// </summary>
public static class Refusals
{
    public static string Shown(this Exception error) => error switch
    {
        CommandException refused => refused.MessageIn(CultureInfo.CurrentUICulture),
        OutcomeUnknownException unknown => unknown.MessageIn(CultureInfo.CurrentUICulture),
        BillingException billing => billing.Text.ToString(),
        _ => error.Message,
    };
}
