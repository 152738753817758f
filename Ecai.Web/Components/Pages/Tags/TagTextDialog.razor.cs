using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Tags;

/// <summary>
/// What a save from <see cref="TagTextDialog"/> did: saved (no <see cref="Error"/>), refused with a Japanese reason, or stale:
/// the tag changed since the list showed it, nothing was written, and <see cref="Fresh"/> is its text as it is now.
/// </summary>
public sealed record TagTextOutcome(string? Error, bool Stale = false, string? Fresh = null)
{
    public static TagTextOutcome StaleWith(string? fresh) => new(null, true, fresh);
}

/// <summary>
/// Asks for one text and hands it to <see cref="Save"/>; closes when the save succeeds, else shows its
/// Japanese reason. When the tag changed meanwhile, the dialog says so and shows the fresh text to edit again.
/// With <see cref="Folders"/> the field suggests existing folders (a new name is allowed).
/// </summary>
public sealed partial class TagTextDialog
{
    private string? _value;
    private string? _error;
    private bool _saving, _stale;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public string Label { get; set; } = "";
    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Value { get; set; }
    /// <summary>Existing folder names to suggest; null for a plain text field.</summary>
    [Parameter] public IReadOnlyList<string>? Folders { get; set; }
    /// <summary>Saves the text; says whether it was saved, why not, or that the tag changed meanwhile.</summary>
    [Parameter, EditorRequired] public Func<string?, Task<TagTextOutcome>> Save { get; set; } = default!;

    protected override void OnInitialized() => _value = Value;

    private Task<IEnumerable<string>> SearchAsync(string? text, CancellationToken ct) =>
        Task.FromResult(TagFolders.Suggest(Folders ?? [], text));

    private async Task KeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await SaveAsync();
    }

    private async Task SaveAsync()
    {
        if (_saving) return;
        _saving = true;
        try
        {
            var outcome = await Save(_value);
            _stale = outcome.Stale;
            _error = outcome.Error;
            if (outcome.Stale) _value = outcome.Fresh;
            else if (_error is null) Dialog.Close(DialogResult.Ok(_value));
        }
        finally { _saving = false; }
    }

    private void Cancel() => Dialog.Cancel();
}
