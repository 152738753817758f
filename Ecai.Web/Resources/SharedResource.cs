namespace Ecai.Web.Resources;

/// <summary>
/// Marker for the UI's texts: <c>IStringLocalizer&lt;SharedResource&gt;</c> reads SharedResource.resx
/// (Japanese, the neutral culture). Another language is a SharedResource.&lt;culture&gt;.resx beside it.
/// </summary>
public sealed class SharedResource;
