Feature: Bids open at the deadline
  Bids stay sealed until the deadline. When it passes, the platform opens them and writes the opening
  record: every bid that counts, with its agency, price and receipt fingerprint. Until then no agency
  sees another's bid, and afterwards only through the opening record.

  Scenario: Two agencies bid; after the deadline the opening record lists both, and each sees the other's price only there
    Given the purchaser has published the tender "Elder care, Street E" with bids due in 25 days at 17:00 Beijing time
    And the agency "agency1" has bid 450000.00 yuan on "Elder care, Street E"
    And the agency "agency2" has bid 430000.00 yuan on "Elder care, Street E"
    Then nobody can read an opening record of "Elder care, Street E" before the deadline
    And neither "agency1" nor "agency2" can see the other's bid on "Elder care, Street E"
    When the deadline of "Elder care, Street E" passes
    Then the opening record of "Elder care, Street E" lists, each with the fingerprint of its receipt:
      | agency  | price     |
      | agency1 | 450000.00 |
      | agency2 | 430000.00 |
    And the agencies "agency1" and "agency2" both read that opening record, each seeing the other's price
    And the agency "agency1" finds in its bidding inbox an unread notice that "Elder care, Street E" was opened
    And the agency "agency2" finds in its bidding inbox an unread notice that "Elder care, Street E" was opened
    But neither "agency1" nor "agency2" can see the other's bid on "Elder care, Street E"
