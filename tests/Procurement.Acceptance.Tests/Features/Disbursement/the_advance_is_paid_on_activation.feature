Feature: The advance is paid as soon as a contract is active
  Cash comes before service: the advance instalment falls due the day the contract becomes active and must
  reach the agency within 30 days. The agency requests it, the purchaser approves it within the appropriation,
  and a treasury officer releases it and confirms the bank paid it.

  Scenario: A contract is activated and its advance travels from request to payment
    Given the purchaser has an appropriation of 500000.00 yuan this fiscal year for the disbursement program
    And a contract of 100000.00 yuan between the purchaser and "agency1" has been activated with the default 30/40/30 schedule
    Then the advance instalment of 30000.00 yuan is due today, to be paid within 30 days
    And the mid-term and final instalments of 40000.00 and 30000.00 yuan are scheduled
    When "agency1" requests payment of the advance instalment
    And the purchaser approves the advance instalment
    And the treasury officer releases the advance instalment
    And the treasury officer confirms the advance instalment was paid
    Then the contract's disbursement report shows 30000.00 yuan paid and 0.00 yuan outstanding, 0 days after it fell due
    And the auditor reads one OCDS transaction of 30000.00 CNY from the purchaser to "agency1"
