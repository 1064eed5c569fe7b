Feature: A late amendment extends the deadline and asks bidders to reconfirm
  An amendment that can change bids, published less than 15 days before the deadline of a public tender,
  moves the deadline out so that 15 days remain, keeping its time of day. Bids already in must be confirmed
  again before they count, and every agency that has bid is told so in its inbox.

  Scenario: A late amendment extends the deadline; the agency that had bid reconfirms and its bid counts again
    Given the purchaser has published the tender "Family support, Street A" with bids due in 25 days at 17:00 Beijing time
    And the agency "agency1" has bid 450000.00 yuan on "Family support, Street A"
    When 15 days pass
    And the purchaser amends "Family support, Street A", raising the budget ceiling to 500000.00 yuan
    Then the bids for "Family support, Street A" are now due 15 days after the amendment, still at 17:00 Beijing time
    And the agency "agency1" sees the new deadline and that its bid on "Family support, Street A" needs reconfirmation
    And the agency "agency1" finds in its bidding inbox an unread notice that "Family support, Street A" was amended
    When the agency "agency1" confirms its bid on "Family support, Street A"
    Then the bid of "agency1" on "Family support, Street A" counts again
