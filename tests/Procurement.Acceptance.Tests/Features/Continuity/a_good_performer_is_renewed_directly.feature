Feature: A good performer is renewed directly
  At the renewal point the platform proposes the path: a contract whose latest performance grade is Good or Excellent,
  and whose program has run fewer than 36 consecutive months with its agency, is renewed directly (续签). The purchaser
  confirms, and the successor is drafted from the day after the end, for the length of the signed terms at their
  monthly rate, with the same agency, KPIs and payment schedule.

  Scenario: A contract graded Good is renewed directly on the purchaser's confirmation
    Given a running one-year contract for "Elder care, Street H" with "agency1" worth 240000.00 yuan, ending in 100 days
    And the third-party evaluator grades the mid-term performance of "Elder care, Street H" Good with 86.00 points
    When 10 days pass on the platform
    Then the platform proposes to renew "Elder care, Street H" directly
    When the purchaser confirms the proposed renewal of "Elder care, Street H"
    Then the successor of "Elder care, Street H" is drafted from the day after its end, for another year at 240000.00 yuan, waiting for signatures
    And the contract for "Elder care, Street H" is marked renewed, linked to its successor
