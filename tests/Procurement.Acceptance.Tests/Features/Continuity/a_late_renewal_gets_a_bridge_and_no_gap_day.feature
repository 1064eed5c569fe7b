Feature: A late renewal gets a bridge extension and no gap day
  Thirty days before a contract ends without a successor signed by both parties, the platform proposes to extend it at
  the same monthly rate, for up to three months (过渡期延续). Once the purchaser approves, the contract runs on, its
  bridge instalment is due on or before the extension's first day, the successor starts after the bridge, and the
  program has no funding gap day.

  Scenario: A successor still unsigned 30 days before the end is bridged and the service is never unfunded
    Given a running contract for "Family services, Street J" with "agency1" worth 120000.00 yuan from today, ending in 45 days, paid in full
    And the purchaser has an appropriation of 500000.00 yuan for the program of "Family services, Street J" this year and next
    And the new tender for "Family services, Street J" was awarded to "agency2", to start the day after the contract ends, not yet signed
    When 15 days pass on the platform
    Then the platform proposes a bridge extension of "Family services, Street J" at its monthly rate, from the day after its end
    When the purchaser approves the bridge extension of "Family services, Street J"
    Then the contract for "Family services, Street J" runs on to the end of the bridge, and its successor starts the day after
    And the bridge instalment of "Family services, Street J" is due at once, to be paid on or before the first day of the extension
    When "agency1" is paid the bridge instalment of "Family services, Street J" through the payment flow
    And the purchaser and "agency2" sign the successor of "Family services, Street J"
    And the platform reaches the first day of service of the successor of "Family services, Street J"
    Then the successor of "Family services, Street J" becomes active
    And the coverage timeline of "Family services, Street J" shows no funding gap day from the contract's first day to the successor's first day
