Feature: Both parties sign the contract and it starts by itself on its start date
  When an award is confirmed the platform drafts the contract with the tender's amount, period, KPIs and payment
  schedule. The purchaser and the agency each sign it, each for their own organisation. The contract becomes
  active on the first day of service, not before, without anybody pressing a button.

  Scenario: The purchaser and the agency sign; the contract starts on the first day of service
    Given the award of "Elder care, Street B" to "agency1" at 480000.00 yuan is confirmed, with service for a year from 3 days from now
    Then the purchaser finds the draft contract for "Elder care, Street B" worth 480000.00 yuan, waiting for signatures
    When the purchaser signs the contract for "Elder care, Street B"
    And the agency "agency1" signs the contract for "Elder care, Street B"
    Then the contract for "Elder care, Street B" is signed by both parties but has not started
    And the agency "agency2" cannot see the contract for "Elder care, Street B"
    When the first day of service of the contract for "Elder care, Street B" comes
    Then the contract for "Elder care, Street B" becomes active
    And the agency "agency1" reads in the contract history of "Elder care, Street B": drafted, signed, signed, activated
