namespace Procurement.Portal.Resources;

/// <summary>The texts of the payment, ledger, report and appropriation pages (PaymentText.resx, PaymentText.en.resx).</summary>
public sealed class PaymentText;
