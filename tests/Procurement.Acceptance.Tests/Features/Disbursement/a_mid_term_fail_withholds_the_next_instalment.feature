Feature: A failed mid-term evaluation withholds the next instalment
  A performance grade of Fail holds back the next instalment until the purchaser decides: keep withholding it,
  with a reason, or resume it so that it falls due.

  Scenario: The mid-term instalment is withheld after a Fail, kept withheld, then resumed
    Given the purchaser has an appropriation of 500000.00 yuan this fiscal year for the disbursement program
    And a contract of 100000.00 yuan between the purchaser and "agency1" has been activated with the default 30/40/30 schedule
    When the third-party evaluator grades the contract's mid-term performance Fail with 55.00 points
    Then the mid-term instalment is withheld because of the Fail grade
    And "agency1" cannot request payment of the mid-term instalment
    When the purchaser keeps withholding the mid-term instalment because "The improvement plan comes first"
    Then the mid-term instalment is still withheld, because "The improvement plan comes first"
    When the purchaser resumes the mid-term instalment because "The improvement plan was delivered"
    Then the mid-term instalment is due today
