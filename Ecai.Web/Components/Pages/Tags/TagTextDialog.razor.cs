using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Tags;

/// <summary>
/// Asks for one text and hands it to <see cref="Save"/>; closes when the save succeeds, else shows its
/// Japanese reason. With <see cref="Folders"/> the field suggests existing folders (a new name is allowed).
/// </summary>
public sealed partial class TagTextDialog
{
    private string? _value;
    private string? _error;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public string Label { get; set; } = "";
    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Value { get; set; }
    /// <summary>Existing folder names to suggest; null for a plain text field.</summary>
    [Parameter] public IReadOnlyList<string>? Folders { get; set; }
    /// <summary>Saves the text; returns null on success, else the reason to show.</summary>
    [Parameter, EditorRequired] public Func<string?, Task<string?>> Save { get; set; } = default!;

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
            _error = await Save(_value);
            if (_error is null) Dialog.Close(DialogResult.Ok(_value));
        }
        finally { _saving = false; }
    }

    private void Cancel() => Dialog.Cancel();
}
