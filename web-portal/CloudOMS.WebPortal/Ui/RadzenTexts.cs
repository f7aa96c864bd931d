using System.Globalization;
using System.Resources;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// The texts Radzen's components show on their own (pager, grid filters, dialogs, date picker) in the user's
/// language: Chinese from the portal's resources under "Radzen.&lt;key&gt;" (Resources/texts_radzen.py); for
/// English the components keep Radzen's built-in texts.
/// </summary>
public sealed class RadzenTexts : Radzen.ILocalizer
{
    private static readonly ResourceManager Texts = new("CloudOMS.WebPortal.Resources.UiText", typeof(UiText).Assembly);

    public string? Get(string key, CultureInfo culture) =>
        Texts.GetString("Radzen." + key, culture) is { Length: > 0 } text ? text : null;
}
