namespace Procurement.Portal.Resources;

/// <summary>Texts of the public announcement pages (anyone, no sign-in).</summary>
public sealed class PublicText;
