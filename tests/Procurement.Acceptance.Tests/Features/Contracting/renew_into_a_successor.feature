Feature: Renew a contract into its successor
  Renewal work starts 90 days before a contract ends. The purchaser renews an expiring contract directly (续签):
  the platform drafts the successor with the same parties, KPIs and payment schedule, to start the day after the
  contract ends, so that the service has no gap. The two contracts are linked.

  Scenario: A contract in its renewal window is renewed for another year
    Given an active contract for "Elder care, Street F" with "agency1" worth 240000.00 yuan, ending in 60 days
    Then the contract for "Elder care, Street F" enters its renewal window
    When the purchaser renews the contract for "Elder care, Street F" for one more year at 250000.00 yuan
    Then the successor contract of "Elder care, Street F" starts the day after it ends, worth 250000.00 yuan, waiting for signatures
    And the contract for "Elder care, Street F" is renewed and links to its successor
    And the agency "agency1" sees both contracts of "Elder care, Street F"
