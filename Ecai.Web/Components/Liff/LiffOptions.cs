namespace Ecai.Web.Components.Liff;

/// <summary>
/// <c>Ecai:Liff</c>. With <see cref="SandboxTokens"/> (demo mode) a LIFF page takes its ID token from the
/// demo friend picker (issued by the LINE sandbox) instead of the LIFF SDK; the server verifies it the
/// same way either way.
/// </summary>
public sealed class LiffOptions
{
    public bool SandboxTokens { get; set; }
}
