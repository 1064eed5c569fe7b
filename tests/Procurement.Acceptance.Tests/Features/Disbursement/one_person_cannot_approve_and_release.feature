Feature: One person cannot both approve and release a payment
  Disbursement is maker-checker: the agency requests, the purchaser approves, and a treasury officer — a second
  pair of eyes, never the approver — releases the money.

  Scenario: The purchaser who approved the advance tries to release it too
    Given the purchaser has an appropriation of 500000.00 yuan this fiscal year for the disbursement program
    And a contract of 100000.00 yuan between the purchaser and "agency1" has been activated with the default 30/40/30 schedule
    When "agency1" requests payment of the advance instalment
    And the purchaser approves the advance instalment
    And the purchaser tries to release the advance instalment
    Then the release is forbidden by the rule "disbursement_releaser_is_approver"
    And the advance instalment is still approved
    When the treasury officer releases the advance instalment
    Then the advance instalment is released
