Feature: An instalment not paid within its payment term is flagged
  An instalment must be paid within 30 days of falling due (保障中小企业款项支付条例). The platform counts the
  days for every instalment and flags the late ones.

  Scenario: Nobody requests the advance and its 30 days run out
    Given a contract of 100000.00 yuan between the purchaser and "agency1" has been activated with the default 30/40/30 schedule
    When 30 days pass without the advance instalment being paid
    Then the advance instalment is not yet late
    When 1 more day passes without the advance instalment being paid
    Then the advance instalment is flagged overdue, 31 days after it fell due
    And the contract's disbursement report shows 1 late instalment of 30000.00 yuan
