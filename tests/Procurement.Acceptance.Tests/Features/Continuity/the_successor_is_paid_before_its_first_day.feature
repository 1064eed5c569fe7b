Feature: A successor's first instalment arrives before its first day of service
  Cash before service: the advance of a contract that follows another in its program falls due as soon as both parties
  have signed it, and is to be paid by its first day of service at the latest, so the agency never serves a day unpaid.

  Scenario: A direct renewal's advance is paid before the successor starts
    Given a running one-year contract for "Elder care, Street K" with "agency1" worth 120000.00 yuan, ending in 100 days
    And the third-party evaluator grades the mid-term performance of "Elder care, Street K" Excellent with 93.00 points
    And the purchaser has an appropriation of 500000.00 yuan for the program of "Elder care, Street K" this year and next
    When 10 days pass on the platform
    And the purchaser confirms the proposed renewal of "Elder care, Street K"
    And the purchaser and "agency1" sign the successor of "Elder care, Street K"
    Then the successor's advance of 36000.00 yuan for "Elder care, Street K" is due today, to be paid by its first day of service at the latest
    When "agency1" is paid the successor's advance for "Elder care, Street K" through the payment flow
    And the platform reaches the first day of service of the successor of "Elder care, Street K"
    Then the successor of "Elder care, Street K" becomes active
    And the successor's advance for "Elder care, Street K" was paid before its first day of service
