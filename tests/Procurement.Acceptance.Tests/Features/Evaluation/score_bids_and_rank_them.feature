Feature: Score bids and rank them
  The panel reviews every opened bid for eligibility and staffing; then each member scores every valid bid
  on each criterion but price, with a comment. Price is scored by formula: the lowest valid price earns
  the whole price weight, a dearer bid earns (lowest price ÷ its price) of it. Bids are ranked by total,
  highest first; equal totals go to the lower price.

  Scenario: Three valid bids are scored by a panel of three and ranked by total
    Given the bids on the tender "Elder care, Street S" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 480000.00 |
    And the purchaser has drawn a panel of 3 for "Elder care, Street S", sitting on it as the purchaser's representative
    And the panel has found every bid on "Elder care, Street S" eligible and fully staffed
    When the panel members score the bids on "Elder care, Street S":
      | agency  | service plan | team experience  |
      | agency1 | 50, 52, 54   | 8, 8, 9          |
      | agency2 | 55, 56, 57   | 9, 9, 9          |
      | agency3 | 48, 50, 49   | 7, 8, 9          |
    Then the evaluation of "Elder care, Street S" is complete with this ranking:
      | rank | agency  | price score | total |
      | 1    | agency2 | 26.67       | 91.67 |
      | 2    | agency1 | 30.00       | 90.33 |
      | 3    | agency3 | 25.00       | 82.00 |
    And the agency "agency3" can read that ranking of "Elder care, Street S", but nothing about the panel

  Scenario: A panel member reads the others' score sheets only after submitting their own
    Given the bids on the tender "Family work, Street T" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 480000.00 |
    And the purchaser has drawn a panel of 3 for "Family work, Street T", sitting on it as the purchaser's representative
    And the panel has found every bid on "Family work, Street T" eligible and fully staffed
    When panel member 1 scores the bid of "agency1" on "Family work, Street T" 40 for the service plan and 8 for team experience
    Then panel member 2 may not read the score sheets for the bid of "agency1" on "Family work, Street T" before submitting their own
    When panel member 2 scores the bid of "agency1" on "Family work, Street T" 42 for the service plan and 8 for team experience
    Then panel member 2 can read 2 score sheets for the bid of "agency1" on "Family work, Street T"
