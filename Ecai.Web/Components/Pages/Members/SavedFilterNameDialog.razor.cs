using Ecai.Domain.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Members;

/// <summary>Asks for a name and hands it to <see cref="Save"/>; closes when the save succeeds, else shows the Japanese reasons.</summary>
public sealed partial class SavedFilterNameDialog
{
    private string? _name;
    private IReadOnlyList<string> _errors = [];
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>Saves under the name; returns the outcome (its errors are shown).</summary>
    [Parameter, EditorRequired] public Func<string?, Task<SavedFilterResult>> Save { get; set; } = default!;

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
            var result = await Save(_name);
            _errors = result.Errors;
            if (result.Succeeded) Dialog.Close(DialogResult.Ok(result.Id));
        }
        finally { _saving = false; }
    }

    private void Cancel() => Dialog.Cancel();
}
