Feature: Too few valid bids fails the tender
  Only bids that pass the compliance review are valid. A bid whose staffing plan is below the tender's
  staffing requirement cannot pass, whatever the panel thinks of it. With fewer valid bids than the
  procurement method requires (3 here), the tender fails (流标).

  Scenario: One of three bids plans too few certified social workers, and the tender fails
    Given the bids on the tender "Community correction, Street V" have been opened:
      | agency  | price     | certified social workers |
      | agency1 | 400000.00 | 3                        |
      | agency2 | 420000.00 | 3                        |
      | agency3 | 380000.00 | 2                        |
    And the purchaser has drawn a panel of 3 for "Community correction, Street V", sitting on it as the purchaser's representative
    When the panel finds every agency bidding on "Community correction, Street V" eligible
    Then the bid of "agency3" on "Community correction, Street V" fails the review: "2 certified social workers planned, 3 required"
    And the tender "Community correction, Street V" has failed with 2 valid bids where 3 are required
