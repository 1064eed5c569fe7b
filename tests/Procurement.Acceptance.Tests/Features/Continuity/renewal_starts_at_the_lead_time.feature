Feature: Renewal work starts at the lead time
  Renewal work on a contract starts at its end minus the renewal lead time: 90 days while the purchaser has no history
  of the procurement method, otherwise the 90th percentile of its past tenders' days from publication to a contract
  signed by both parties, plus 30 days. On that day the platform raises RenewalDue, marks the contract expiring and
  proposes how to renew it.

  Scenario: Without history, renewal work starts 90 days before the end
    Given a running one-year contract for "Youth work, Street G" with "agency1" worth 240000.00 yuan, ending in 120 days
    Then renewal work for "Youth work, Street G" starts 90 days before its end, by default, and is not due yet
    When 30 days pass on the platform
    Then renewal work for "Youth work, Street G" is due and the contract is expiring

  Scenario: With history, the lead time is the 90th percentile of past procurements plus 30 days
    Given the purchaser's past public tenders took 40, 50 and 70 days from publication to a contract signed by both parties
    And a running one-year contract for "Youth work, Street L" with "agency2" worth 240000.00 yuan from a public tender published 10 days before signing, ending in 150 days
    Then renewal work for "Youth work, Street L" starts 100 days before its end, learnt from past procurements
    When 50 days pass on the platform
    Then renewal work for "Youth work, Street L" is due and the contract is expiring
