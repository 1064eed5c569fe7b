namespace Procurement.Portal.Resources;

/// <summary>The texts of the directory screens: organisations, users and invitations, the security log.</summary>
public sealed class DirectoryText;
